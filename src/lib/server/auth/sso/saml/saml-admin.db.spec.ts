// Covers: saveSamlProvider, refreshSamlMetadata, refreshAllSamlMetadata, parseIdpMetadata, fetchIdpMetadata,
// findSignInOptions (a SAML provider beside the OIDC ones), serviceProviderMetadata.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../../tests/use-test-database';
import { buildActor, buildIdentityProvider, buildOrgAdmin } from '../../../../../../tests/factories';
import { startTestSamlIdp, type TestSamlIdp } from '../../../../../../tests/saml-test-idp';
import { startTestFederation } from '../../../../../../tests/saml-test-federation';
import { auditEvents, identityProviders, instanceSettings } from '../../../db/schema';
import { appKeyring, keyringOf, openSecret, sealSecret } from '../../../crypto/secrets';
import { isAppError } from '../../../errors';
import { findSignInOptions } from '../find-identity-providers';
import { saveSamlProvider } from './save-saml-provider';
import { refreshAllSamlMetadata, refreshSamlMetadata } from './refresh-saml-metadata';
import { serviceProviderMetadata } from './sp-metadata';
import { serviceProviderKey, SP_KEY_SETTING } from './sp-key';
import { resealSamlServiceProviderKey } from './reseal-sp-key';

const t = useTestDatabase();
let idp: TestSamlIdp;
let other: TestSamlIdp;

beforeAll(async () => {
	[idp, other] = await Promise.all([startTestSamlIdp(), startTestSamlIdp()]);
});
afterAll(async () => {
	await Promise.all([idp.stop(), other.stop()]);
});

const form = (o: Record<string, string> = {}) => ({ kind: 'skolfederation', displayName: 'Skolfederationen', ...o });

async function issuesOf(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return e.issues;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('SAML providers, configured by the organizer (decision 054)', () => {
	it('reads pasted metadata: entityID, SSO address and signing certificate, audited, and the sign-in page lists it beside OIDC', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: 'https://login.example.test/t/v2.0', displayName: 'A-konto' });
		const row = await saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataXml: idp.metadata() }) });
		expect(row).toMatchObject({
			protocol: 'saml',
			issuer: idp.entityId,
			ssoUrl: idp.metadataUrl.replace('/metadata', '/sso'),
			signingCertificates: [idp.certificate],
			metadataUrl: null,
			nationalIdAttribute: null
		});
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, row.id), eq(auditEvents.action, 'sso.provider_create')));
		expect(audit.changes).toMatchObject({ issuer: [null, idp.entityId], kind: [null, 'skolfederation'] });
		const options = await findSignInOptions(t.db, organizer.slug);
		expect(options!.providers.map((p) => p.href)).toEqual([expect.stringMatching(/^\/logga-in\/sso\//), `/logga-in/saml/${row.id}`]);
	});

	it('fetches metadata from an address and picks the IdP out of an aggregate by its entityID', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const fetched = await saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataUrl: idp.metadataUrl }) });
		expect(fetched).toMatchObject({ issuer: idp.entityId, metadataUrl: idp.metadataUrl });
		const strip = (x: string) => x.replace('<?xml version="1.0"?>', '');
		const aggregate = `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${strip(idp.metadata())}${strip(other.metadata())}</md:EntitiesDescriptor>`;
		expect(await issuesOf(saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataXml: aggregate }) }))).toEqual([
			{ field: 'metadataXml', message: 'saml_error_entity_choose' }
		]);
		const picked = await saveSamlProvider(t.db, {
			actor,
			organizerId: organizer.id,
			input: form({ metadataXml: aggregate, entityId: other.entityId })
		});
		expect(picked.signingCertificates).toEqual([other.certificate]);
	});

	it('with the federation’s certificate, reads only metadata the federation signed: refuses altered, wrapped, foreign-signed, unsigned and expired', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const federation = startTestFederation();
		const signed = federation.sign([idp.metadata(), other.metadata()]);
		const withCertificate = (o: Record<string, string>) =>
			form({ metadataSigningCertificate: federation.certificatePem, entityId: other.entityId, ...o });
		const refusal = (message: string) => [{ field: 'metadataXml', message }];
		const evilSso = 'https://inkraktare.exempel.se/sso';
		const ssoOfOther = other.metadataUrl.replace('/metadata', '/sso');
		const cases: [string, string][] = [
			['altered after signing', signed.replace(ssoOfOther, evilSso)],
			[
				'wrapped: the signed aggregate inside an unsigned one that adds an IdP',
				`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_yttre">${signed}${other.metadata().replace('<?xml version="1.0"?>', '').replace(ssoOfOther, evilSso)}</md:EntitiesDescriptor>`
			],
			['signed by another key', federation.sign([idp.metadata(), other.metadata()], { foreignKey: true })],
			[
				'unsigned',
				`<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">${other.metadata().replace('<?xml version="1.0"?>', '')}</md:EntitiesDescriptor>`
			]
		];
		for (const [what, xml] of cases)
			expect(
				await issuesOf(saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: withCertificate({ metadataXml: xml }) })),
				what
			).toEqual(refusal('saml_error_metadata_signature'));
		expect(
			await issuesOf(
				saveSamlProvider(t.db, {
					actor,
					organizerId: organizer.id,
					input: withCertificate({ metadataXml: federation.sign([other.metadata()], { validUntil: '2020-01-01T00:00:00Z' }) })
				})
			)
		).toEqual(refusal('saml_error_metadata_expired'));
		expect(
			await issuesOf(
				saveSamlProvider(t.db, {
					actor,
					organizerId: organizer.id,
					input: withCertificate({ metadataXml: signed, metadataSigningCertificate: 'inte ett certifikat' })
				})
			)
		).toEqual([{ field: 'metadataSigningCertificate', message: 'saml_error_certificate' }]);
		expect(await t.db.select().from(identityProviders).where(eq(identityProviders.organizerId, organizer.id))).toEqual([]);

		const row = await saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: withCertificate({ metadataXml: signed }) });
		expect(row).toMatchObject({
			issuer: other.entityId,
			ssoUrl: ssoOfOther,
			signingCertificates: [other.certificate],
			metadataSigningCertificate: federation.certificate
		});

		// Fetched from an address that serves unsigned metadata: refused when added, and the nightly refresh keeps
		// what the provider had.
		expect(
			await issuesOf(
				saveSamlProvider(t.db, {
					actor,
					organizerId: organizer.id,
					input: form({ metadataSigningCertificate: federation.certificatePem, metadataUrl: idp.metadataUrl })
				})
			)
		).toEqual([{ field: 'metadataUrl', message: 'saml_error_metadata_signature' }]);
		const fetched = await saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataUrl: idp.metadataUrl }) });
		await t.db
			.update(identityProviders)
			.set({ metadataSigningCertificate: federation.certificate })
			.where(eq(identityProviders.id, fetched.id));
		expect(await issuesOf(refreshSamlMetadata(t.db, { actor, organizerId: organizer.id, providerId: fetched.id }))).toEqual([
			{ field: 'metadataUrl', message: 'saml_error_metadata_signature' }
		]);
		const [kept] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, fetched.id));
		expect(kept.signingCertificates).toEqual([idp.certificate]);
	});

	it('says what is wrong beside the field and writes nothing: no metadata, not XML, a DOCTYPE, no IdP, a private address', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const cases: [Record<string, string>, { field: string; message: string }][] = [
			[{}, { field: 'metadataXml', message: 'saml_error_metadata_missing' }],
			[{ metadataXml: '<md:EntityDescriptor' }, { field: 'metadataXml', message: 'saml_error_metadata_xml' }],
			[{ metadataXml: '<!DOCTYPE x [<!ENTITY a "b">]><x/>' }, { field: 'metadataXml', message: 'saml_error_metadata_xml' }],
			[
				{ metadataXml: '<x xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>' },
				{ field: 'metadataXml', message: 'saml_error_metadata_no_idp' }
			],
			[
				{ metadataXml: idp.metadata(), nationalIdAttribute: 'personnummer' },
				{ field: 'nationalIdAttribute', message: 'saml_error_national_id' }
			]
		];
		for (const [input, issue] of cases)
			expect(await issuesOf(saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form(input) }))).toEqual([issue]);
		expect(
			await issuesOf(
				saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataUrl: idp.metadataUrl }), allowPrivate: false })
			)
		).toEqual([{ field: 'metadataUrl', message: 'saml_error_private' }]);
		expect(await t.db.select().from(identityProviders).where(eq(identityProviders.organizerId, organizer.id))).toEqual([]);
	});

	it('refuses anyone but the organizer’s administrator', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		await expect(
			saveSamlProvider(t.db, { actor: staff, organizerId: organizer.id, input: form({ metadataXml: idp.metadata() }) })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});

	it('reads the metadata again from its address, keeps the stored one when a change brings none, and audits what changed', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const row = await saveSamlProvider(t.db, { actor, organizerId: organizer.id, input: form({ metadataUrl: idp.metadataUrl }) });
		// As if the IdP had rolled its key since.
		await t.db
			.update(identityProviders)
			.set({ signingCertificates: [other.certificate] })
			.where(eq(identityProviders.id, row.id));
		expect(await refreshSamlMetadata(t.db, { actor, organizerId: organizer.id, providerId: row.id })).toEqual({ changed: true });
		const [after] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, row.id));
		expect(after.signingCertificates).toEqual([idp.certificate]);
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id)).orderBy(desc(auditEvents.id)).limit(1);
		expect(audit).toMatchObject({ action: 'sso.metadata_refresh', actorId: actor.personId });
		const changed = await saveSamlProvider(t.db, {
			actor,
			organizerId: organizer.id,
			providerId: row.id,
			input: form({ displayName: 'Nytt namn', createUnknown: 'on' })
		});
		expect(changed).toMatchObject({
			displayName: 'Nytt namn',
			createUnknown: true,
			signingCertificates: [idp.certificate],
			metadataUrl: idp.metadataUrl
		});
		expect(await refreshAllSamlMetadata(t.db)).toMatchObject({ refreshed: expect.any(Number) });
	});

	it('publishes one SP metadata for the installation: entityID, ACS by POST, signing and encryption certificates, Swedish and English names', async () => {
		const xml = await serviceProviderMetadata(t.db, 'https://rodtrad.exempel.se');
		expect(xml).toContain('entityID="https://rodtrad.exempel.se/saml/metadata"');
		expect(xml).toContain('Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://rodtrad.exempel.se/saml/acs"');
		expect(xml).toContain('<md:KeyDescriptor use="signing">');
		expect(xml).toContain('<md:KeyDescriptor use="encryption">');
		expect(xml).toMatch(/<mdui:DisplayName xml:lang="sv">/);
		expect(xml).toMatch(/<mdui:DisplayName xml:lang="en">/);
		expect(xml).toContain('WantAssertionsSigned="true"');
	});

	it('seals the SP private key again under the current installation key after a rotation', async () => {
		const key = await serviceProviderKey(t.db);
		const oldKey = randomBytes(32);
		const [row] = await t.db.select().from(instanceSettings).where(eq(instanceSettings.key, SP_KEY_SETTING));
		await t.db
			.update(instanceSettings)
			.set({ value: { ...row.value, privateKey: sealSecret(key.privateKeyPem, keyringOf(oldKey)) } })
			.where(eq(instanceSettings.key, SP_KEY_SETTING));
		const current = appKeyring();
		const rotated = keyringOf(current.keys.get(current.currentId)!, [oldKey]);
		expect(await resealSamlServiceProviderKey(t.db, rotated)).toBe(1);
		expect(await resealSamlServiceProviderKey(t.db, rotated)).toBe(0);
		const [after] = await t.db.select().from(instanceSettings).where(eq(instanceSettings.key, SP_KEY_SETTING));
		const stored = (after.value as { privateKey: string; certificate: string }).privateKey;
		expect(stored).toMatch(new RegExp(`^v1:${current.currentId}:`));
		expect(openSecret(stored)).toBe(key.privateKeyPem);
		expect((after.value as { certificate: string }).certificate).toBe(key.certificateBase64);
	});
});
