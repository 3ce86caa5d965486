// Covers: startSamlSignIn, finishSamlSignIn, samlFor, completeSignIn and matchAccount through SAML, serviceProviderKey,
// nationalIdHash — against a local SAML IdP that signs its responses (tests/saml-test-idp.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../../tests/use-test-database';
import { buildIdentityProvider, buildOrganizer, buildPerson, buildUnit } from '../../../../../../tests/factories';
import { startTestSamlIdp, type Tamper, type TestSamlIdp } from '../../../../../../tests/saml-test-idp';
import { auditEvents, externalIdentities, people, roleAssignments, ssoSignInAttempts, type IdentityProviderRow } from '../../../db/schema';
import { SsoError } from '../sso-failure';
import { startSamlSignIn } from './start-saml-sign-in';
import { finishSamlSignIn } from './finish-saml-sign-in';
import { parseIdpMetadata } from './idp-metadata';
import { nationalIdHash } from './national-id-hash';
import { serviceProviderKey } from './sp-key';
import { newRsaCertificate } from '../../../crypto/self-signed-certificate';

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';
const EPPN = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.6';
const MAIL = 'urn:oid:0.9.2342.19200300.100.1.3';
const NIN = 'urn:oid:1.3.6.1.4.1.2428.90.1.5';
let idp: TestSamlIdp;

beforeAll(async () => {
	idp = await startTestSamlIdp();
});
afterAll(async () => {
	await idp.stop();
});

async function samlProvider(o: Partial<IdentityProviderRow> = {}) {
	const organizer = await buildOrganizer(t.db);
	const meta = parseIdpMetadata(idp.metadata());
	const provider = await buildIdentityProvider(t.db, {
		organizerId: organizer.id,
		protocol: 'saml',
		kind: 'skolfederation',
		issuer: meta.entityId,
		ssoUrl: meta.ssoUrl,
		signingCertificates: meta.certificates,
		...o
	});
	return { organizer, provider };
}

/** Begins a sign-in, lets the IdP answer for `attributes` (bent by `tamper`), and posts the answer back. */
async function roundTrip(
	providerId: string,
	attributes: Record<string, string>,
	o: { tamper?: Tamper; token?: string; keep?: (r: string) => void } = {}
) {
	const started = await startSamlSignIn(t.db, { providerId, origin: ORIGIN });
	const redirect = new URL(started.url);
	const request = idp.readRequest(redirect.searchParams.get('SAMLRequest')!);
	idp.signInAs(attributes);
	if (o.tamper) idp.tamperNext(o.tamper);
	const samlResponse = idp.response({ requestId: request.id, acs: request.acs, audience: request.issuer });
	o.keep?.(samlResponse);
	return finishSamlSignIn(t.db, {
		relayState: redirect.searchParams.get('RelayState'),
		samlResponse,
		token: o.token ?? started.token,
		origin: ORIGIN
	});
}

async function reasonOf(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (e instanceof SsoError) return e.reason;
		throw e;
	}
	throw new Error('expected a refusal');
}

async function lastFailure(organizerId: string) {
	const [row] = await t.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, 'session.failed')))
		.orderBy(desc(auditEvents.id))
		.limit(1);
	return row?.changes as { method: string; reason: string; detail?: string } | undefined;
}

const eppn = () => `larare-${randomUUID().slice(0, 8)}@skola.exempel.se`;

describe('SAML sign-in (decision 054)', () => {
	it('sends a signed AuthnRequest by the redirect binding without any RequestedAuthnContext, to the ACS by POST', async () => {
		const { provider } = await samlProvider();
		const started = await startSamlSignIn(t.db, { providerId: provider.id, origin: ORIGIN });
		const url = new URL(started.url);
		expect(url.origin + url.pathname).toBe(provider.ssoUrl);
		expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
		expect(url.searchParams.get('RelayState')).toBe(provider.id);
		const request = idp.readRequest(url.searchParams.get('SAMLRequest')!);
		expect(request.xml).not.toContain('RequestedAuthnContext');
		expect(request.acs).toBe(`${ORIGIN}/saml/acs`);
		expect(request.issuer).toBe(`${ORIGIN}/saml/metadata`);
		const [attempt] = await t.db.select().from(ssoSignInAttempts).where(eq(ssoSignInAttempts.state, request.id!));
		expect(attempt.providerId).toBe(provider.id);
	});

	it('signs in a linked person by eduPersonPrincipalName and audits the session as saml:<provider>', async () => {
		const { organizer, provider } = await samlProvider();
		const person = await buildPerson(t.db, { memberOf: organizer.id, roles: [{ role: 'staff', organizerId: organizer.id }] });
		const subject = eppn();
		await t.db.insert(externalIdentities).values({ provider: provider.id, subject, personId: person.id });
		const done = await roundTrip(provider.id, { [EPPN]: subject });
		expect(done).toEqual({ personId: person.id, organizerSlug: organizer.slug, redirectTo: `/${organizer.slug}` });
		const [created] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, person.id), eq(auditEvents.action, 'session.create')));
		expect(created.changes).toEqual({ method: `saml:${provider.id}` });
	});

	it('links by mail when the organizer allows it, then knows the person by eppn', async () => {
		const { organizer, provider } = await samlProvider({ matchByEmail: true });
		const mail = `${randomUUID()}@skola.exempel.se`;
		const person = await buildPerson(t.db, { email: mail, memberOf: organizer.id, roles: [{ role: 'staff', organizerId: organizer.id }] });
		const subject = eppn();
		expect((await roundTrip(provider.id, { [EPPN]: subject, [MAIL]: mail })).personId).toBe(person.id);
		const [link] = await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, subject));
		expect(link.personId).toBe(person.id);
		expect((await roundTrip(provider.id, { [EPPN]: subject })).personId).toBe(person.id);
	});

	it('creates an unknown person just-in-time at the unit of their sisSchoolUnitCode, and never stores an unmapped personnummer', async () => {
		const { organizer, provider } = await samlProvider({ createUnknown: true, defaultRole: 'staff' });
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const mail = `${randomUUID()}@skola.exempel.se`;
		const subject = eppn();
		const done = await roundTrip(provider.id, {
			[EPPN]: subject,
			[MAIL]: mail,
			'urn:oid:2.16.840.1.113730.3.1.241': 'Åsa Lärare',
			sisSchoolUnitCode: unit.schoolUnitCode!,
			[NIN]: '200001011234'
		});
		const [person] = await t.db.select().from(people).where(eq(people.id, done.personId));
		expect(person).toMatchObject({ name: 'Åsa Lärare', email: mail });
		const roles = await t.db.select().from(roleAssignments).where(eq(roleAssignments.personId, person.id));
		expect(roles).toMatchObject([{ role: 'staff', unitId: unit.id, organizerId: organizer.id }]);
		const [link] = await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, subject));
		expect(link.nationalIdHash).toBeNull();
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(sql`${auditEvents.changes}::text like '%200001011234%'`);
		expect(audit).toEqual([]);
	});

	it('stores only a keyed hash of the personnummer when the organizer maps the attribute', async () => {
		const { provider } = await samlProvider({ createUnknown: true, nationalIdAttribute: 'norEduPersonNIN' });
		const subject = eppn();
		await roundTrip(provider.id, { [EPPN]: subject, [MAIL]: `${randomUUID()}@skola.exempel.se`, [NIN]: '200001011234' });
		const [link] = await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, subject));
		expect(link.nationalIdHash).toBe(nationalIdHash('200001011234'));
		expect(link.nationalIdHash).not.toContain('200001011234');
	});

	const refusals: [string, Tamper, string, RegExp][] = [
		['a signature by a key not in the metadata', { foreignKey: true }, 'token', /Invalid signature/],
		['an attribute changed after signing', { alterAfterSigning: 'inkräktare@skola.exempel.se' }, 'token', /Invalid signature/],
		['another audience', { audience: 'https://annan-tjanst.exempel.se/sp' }, 'token', /audience mismatch/],
		['a NotOnOrAfter already past', { notOnOrAfterSeconds: -600 }, 'token', /subject confirmation|expired|NotOnOrAfter/i],
		['an unknown InResponseTo', { inResponseTo: '_okand-forfragan' }, 'token', /InResponseTo is not valid/],
		['no InResponseTo (unsolicited)', { inResponseTo: null }, 'token', /InResponseTo is missing/],
		['another issuer', { issuer: 'https://annan-idp.exempel.se/idp' }, 'token', /^issuer https:\/\/annan-idp/],
		['a SHA-1 signature', { sha1: true }, 'token', /SHA-1/]
	];
	for (const [what, tamper, reason, detail] of refusals) {
		it(`refuses ${what}: audited as a failed sign-in, no person linked`, async () => {
			const { organizer, provider } = await samlProvider({ createUnknown: true });
			const subject = eppn();
			expect(await reasonOf(roundTrip(provider.id, { [EPPN]: subject, [MAIL]: `${randomUUID()}@skola.exempel.se` }, { tamper }))).toBe(
				reason
			);
			expect(await lastFailure(organizer.id)).toMatchObject({
				method: `saml:${provider.id}`,
				reason,
				detail: expect.stringMatching(detail)
			});
			expect(await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, subject))).toEqual([]);
		});
	}

	it('takes an assertion encrypted for the installation’s key, and refuses one encrypted for another key or altered inside', async () => {
		const { organizer, provider } = await samlProvider({ createUnknown: true });
		const sp = await serviceProviderKey(t.db);
		const other = newRsaCertificate({ commonName: 'Annan-SP', years: 1, bits: 2048 });
		const otherPem = `-----BEGIN CERTIFICATE-----\n${other.certificateBase64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`;
		const encryptedRoundTrip = async (subject: string, certificatePem: string, tamper?: Tamper) => {
			const started = await startSamlSignIn(t.db, { providerId: provider.id, origin: ORIGIN });
			const redirect = new URL(started.url);
			const request = idp.readRequest(redirect.searchParams.get('SAMLRequest')!);
			idp.signInAs({ [EPPN]: subject, [MAIL]: `${randomUUID()}@skola.exempel.se` });
			if (tamper) idp.tamperNext(tamper);
			const samlResponse = await idp.encryptedResponse(
				{ requestId: request.id, acs: request.acs, audience: request.issuer },
				certificatePem
			);
			expect(Buffer.from(samlResponse, 'base64').toString('utf8')).toContain('<saml:EncryptedAssertion>');
			return finishSamlSignIn(t.db, {
				relayState: redirect.searchParams.get('RelayState'),
				samlResponse,
				token: started.token,
				origin: ORIGIN
			});
		};

		const subject = eppn();
		const done = await encryptedRoundTrip(subject, sp.certificatePem);
		expect(done.organizerSlug).toBe(organizer.slug);
		const [link] = await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, subject));
		expect(link.personId).toBe(done.personId);

		for (const [certificatePem, tamper] of [
			[otherPem, undefined],
			[sp.certificatePem, { sha1: true }],
			[sp.certificatePem, { alterAfterSigning: 'inkräktare@skola.exempel.se' }],
			[sp.certificatePem, { foreignKey: true }]
		] as const) {
			const refused = eppn();
			expect(await reasonOf(encryptedRoundTrip(refused, certificatePem, tamper))).toBe('token');
			expect(await lastFailure(organizer.id)).toMatchObject({ method: `saml:${provider.id}`, reason: 'token' });
			expect(await t.db.select().from(externalIdentities).where(eq(externalIdentities.subject, refused))).toEqual([]);
		}
	});

	it('refuses a replayed response and one posted without the browser’s attempt cookie', async () => {
		const { organizer, provider } = await samlProvider({ createUnknown: true });
		const subject = eppn();
		let kept = '';
		const first = await roundTrip(
			provider.id,
			{ [EPPN]: subject, [MAIL]: `${randomUUID()}@skola.exempel.se` },
			{ keep: (r) => (kept = r) }
		);
		expect(first.personId).toBeTruthy();
		// The same answer again, with a fresh attempt of this browser: its InResponseTo names the used request.
		const again = await startSamlSignIn(t.db, { providerId: provider.id, origin: ORIGIN });
		expect(
			await reasonOf(finishSamlSignIn(t.db, { relayState: provider.id, samlResponse: kept, token: again.token, origin: ORIGIN }))
		).toBe('token');
		// And without any attempt at all.
		expect(await reasonOf(finishSamlSignIn(t.db, { relayState: provider.id, samlResponse: kept, token: undefined, origin: ORIGIN }))).toBe(
			'state'
		);
		expect(await lastFailure(organizer.id)).toMatchObject({ reason: 'state' });
		expect(await reasonOf(roundTrip(provider.id, { [EPPN]: eppn() }, { token: 'fel-token' }))).toBe('state');
		// Something that is not a SAML response at all, to a real attempt: refused, never an error page.
		for (const junk of ['inte-base64-alls', Buffer.from('<x/>').toString('base64'), '']) {
			const attempt = await startSamlSignIn(t.db, { providerId: provider.id, origin: ORIGIN });
			expect(
				await reasonOf(finishSamlSignIn(t.db, { relayState: provider.id, samlResponse: junk, token: attempt.token, origin: ORIGIN }))
			).toMatch(/^(token|provider)$/);
		}
	});

	it('refuses an unknown person when the organizer creates nobody, and a provider that is switched off', async () => {
		const { organizer, provider } = await samlProvider();
		expect(await reasonOf(roundTrip(provider.id, { [EPPN]: eppn() }))).toBe('unknown_user');
		expect(await lastFailure(organizer.id)).toMatchObject({ reason: 'unknown_user' });
		const off = await samlProvider({ enabled: false });
		expect(await reasonOf(startSamlSignIn(t.db, { providerId: off.provider.id }))).toBe('unavailable');
		expect(await reasonOf(finishSamlSignIn(t.db, { relayState: 'inte-ett-id', samlResponse: 'x', token: 'y' }))).toBe('unavailable');
	});

	it('keeps one service-provider key for the installation, its private key sealed', async () => {
		const a = await serviceProviderKey(t.db);
		const b = await serviceProviderKey(t.db);
		expect(a.certificateBase64).toBe(b.certificateBase64);
		expect(a.privateKeyPem).toContain('BEGIN PRIVATE KEY');
	});
});
