// Covers: saveIdentityProvider, setIdentityProviderEnabled, findIdentityProviders, findSignInOptions, updatePasswordSignIn,
// isPasswordAllowedFor (through signInWithPassword), startOidcSignIn, finishOidcSignIn, matchAccount, sessionProviderId,
// providerSignOutLink — against a local OpenID Connect provider (tests/oidc-test-provider.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildIdentityProvider, buildOrgAdmin, buildOrganizer, buildPerson } from '../../../../../tests/factories';
import { startTestOidcProvider, type TestOidcProvider } from '../../../../../tests/oidc-test-provider';
import { auditEvents, externalIdentities, identityProviders, memberships, people, roleAssignments } from '../../db/schema';
import { isAppError } from '../../errors';
import { openSecret } from '../../crypto/secrets';
import { signInWithPassword } from '../sign-in';
import { createSession, validateSessionActor } from '../sessions';
import { saveIdentityProvider } from './save-identity-provider';
import { setIdentityProviderEnabled } from './set-identity-provider-enabled';
import { findIdentityProviders, findSignInOptions } from './find-identity-providers';
import { updatePasswordSignIn } from './update-password-sign-in';
import { startOidcSignIn } from './start-oidc-sign-in';
import { finishOidcSignIn } from './finish-oidc-sign-in';
import { providerSignOutLink, sessionProviderId } from './provider-sign-out';
import { oidcConfiguration } from './oidc-configuration';
import { SsoError } from './sso-failure';

const t = useTestDatabase();
const ORIGIN = 'http://localhost:3000';
const LIMITS = { perAccount: 1000, perIp: 1000 };
let idp: TestOidcProvider;

beforeAll(async () => {
	idp = await startTestOidcProvider();
});
afterAll(async () => {
	await idp.stop();
});

const email = () => `sso-${randomUUID()}@exempel.se`;
const form = (o: Record<string, string> = {}) => ({
	kind: 'entra',
	displayName: 'Kommunens konto',
	issuer: 'https://login.microsoftonline.com/5f1c8a7e-0000-4000-8000-000000000001/v2.0',
	clientId: 'rodtrad',
	clientSecret: 'hemligt-värde',
	...o
});

async function errorOf(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		return e;
	}
	throw new Error('expected a refusal');
}
const issuesOf = async (p: Promise<unknown>) => {
	const e = await errorOf(p);
	if (!isAppError(e)) throw e;
	return e.issues;
};
const reasonOf = async (p: Promise<unknown>) => {
	const e = await errorOf(p);
	if (!(e instanceof SsoError)) throw e;
	return e.reason;
};

/** Begins a sign-in, lets the local provider answer as `claims`, and finishes it; `alter` changes the way back. */
async function roundTrip(providerId: string, claims: Record<string, unknown>, opts: { alter?: (u: URL) => void; token?: string } = {}) {
	idp.signInAs(claims);
	const started = await startOidcSignIn(t.db, { providerId, origin: ORIGIN });
	const authorize = new URL(started.url);
	expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
	expect(authorize.searchParams.get('redirect_uri')).toBe(`${ORIGIN}/logga-in/sso/${providerId}/svar`);
	const res = await fetch(started.url, { redirect: 'manual' });
	const callback = new URL(res.headers.get('location')!);
	opts.alter?.(callback);
	return finishOidcSignIn(t.db, { providerId, token: opts.token ?? started.token, callbackUrl: callback, origin: ORIGIN });
}

async function lastFailure(organizerId: string) {
	const [row] = await t.db
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.action, 'session.failed')))
		.orderBy(desc(auditEvents.createdAt))
		.limit(1);
	return row?.changes as Record<string, unknown> | undefined;
}

describe('the administrator configures identity providers', () => {
	it('stores the client secret sealed, never shows it back, and audits without it', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const row = await saveIdentityProvider(t.db, { actor, organizerId: organizer.id, input: form() });
		expect(row.clientSecret).not.toContain('hemligt');
		expect(openSecret(row.clientSecret!)).toBe('hemligt-värde');
		const [listed] = await findIdentityProviders(t.db, { actor, organizerId: organizer.id });
		expect(listed).not.toHaveProperty('clientSecret');
		expect(listed.hasSecret).toBe(true);
		expect(listed.redirectUri).toMatch(new RegExp(`/logga-in/sso/${row.id}/svar$`));
		const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
		expect(audit.action).toBe('sso.provider_create');
		expect(JSON.stringify(audit.changes)).not.toContain('hemligt');

		// An empty secret on a change keeps the stored one.
		const changed = await saveIdentityProvider(t.db, {
			actor,
			organizerId: organizer.id,
			providerId: row.id,
			input: form({ displayName: 'Nytt namn', clientSecret: '' })
		});
		expect(changed.displayName).toBe('Nytt namn');
		expect(openSecret(changed.clientSecret!)).toBe('hemligt-värde');
	});

	it("refuses Entra's shared /common and /organizations issuers, and a Google provider without domains", async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		for (const tenant of ['common', 'organizations']) {
			const issues = await issuesOf(
				saveIdentityProvider(t.db, {
					actor,
					organizerId: organizer.id,
					input: form({ issuer: `https://login.microsoftonline.com/${tenant}/v2.0` })
				})
			);
			expect(issues).toContainEqual({ field: 'issuer', message: 'sso_error_entra_common' });
		}
		const issues = await issuesOf(
			saveIdentityProvider(t.db, {
				actor,
				organizerId: organizer.id,
				input: form({ kind: 'google', issuer: 'https://accounts.google.com', allowedDomains: '' })
			})
		);
		expect(issues).toContainEqual({ field: 'allowedDomains', message: 'sso_error_google_domains' });
		expect(
			await issuesOf(saveIdentityProvider(t.db, { actor, organizerId: organizer.id, input: form({ issuer: 'http://idp.exempel.se' }) }))
		).toContainEqual({
			field: 'issuer',
			message: 'sso_error_issuer_https'
		});
		expect(await t.db.select().from(identityProviders).where(eq(identityProviders.organizerId, organizer.id))).toEqual([]);
	});

	it('is for organization administrators of that organizer only', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id }]);
		const { actor: otherAdmin } = await buildOrgAdmin(t.db);
		for (const actor of [staff, otherAdmin]) {
			const e = await errorOf(saveIdentityProvider(t.db, { actor, organizerId: organizer.id, input: form() }));
			expect(isAppError(e) && e.code).toBe('FORBIDDEN');
		}
	});

	it('lists only enabled providers on the public sign-in options, and switching off is audited', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const row = await saveIdentityProvider(t.db, { actor, organizerId: organizer.id, input: form() });
		expect((await findSignInOptions(t.db, organizer.slug))?.providers.map((p) => p.id)).toEqual([row.id]);
		await setIdentityProviderEnabled(t.db, { actor, organizerId: organizer.id, providerId: row.id, enabled: false });
		expect((await findSignInOptions(t.db, organizer.slug))?.providers).toEqual([]);
		expect(await findSignInOptions(t.db, 'finns-inte-alls')).toBeNull();
		const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id))).map((a) => a.action);
		expect(actions).toContain('sso.provider_disable');
		expect(await reasonOf(startOidcSignIn(t.db, { providerId: row.id }))).toBe('unavailable');
	});
});

describe('password sign-in switched off by the organizer', () => {
	it('refuses a person whose only organizer forbids passwords, and keeps it for system administrators and members of another organizer', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await updatePasswordSignIn(t.db, { actor, organizerId: organizer.id, allowed: false });
		const only = await buildPerson(t.db, {
			email: email(),
			password: 'rätt lösenord 123',
			roles: [{ role: 'staff', organizerId: organizer.id }]
		});
		const issues = await issuesOf(
			signInWithPassword(t.db, { email: only.email, password: 'rätt lösenord 123', ip: '10.1.1.1', limits: LIMITS })
		);
		expect(issues).toEqual([{ field: 'email', message: 'sso_password_off' }]);

		const elsewhere = await buildOrganizer(t.db);
		const both = await buildPerson(t.db, {
			email: email(),
			password: 'rätt lösenord 123',
			roles: [
				{ role: 'staff', organizerId: organizer.id },
				{ role: 'staff', organizerId: elsewhere.id }
			]
		});
		const sys = await buildPerson(t.db, {
			email: email(),
			password: 'rätt lösenord 123',
			roles: [{ role: 'system_admin' }, { role: 'staff', organizerId: organizer.id }]
		});
		for (const p of [both, sys])
			expect(
				(await signInWithPassword(t.db, { email: p.email, password: 'rätt lösenord 123', ip: '10.1.1.1', limits: LIMITS })).personId
			).toBe(p.id);

		// The password session reaches the organizer that allows passwords, not the one that switched them off; a
		// session through that organizer's own provider does; a system administrator's reaches both.
		const rolesAt = async (personId: string, method: string) => {
			const { token } = await createSession(t.db, { personId, method, days: 1 });
			const session = (await validateSessionActor(t.db, token, 1))!;
			return { organizers: new Set(session.actor.assignments.map((a) => a.organizerId)), barred: session.barredOrganizerIds };
		};
		const byPassword = await rolesAt(both.id, 'password');
		expect(byPassword.organizers.has(elsewhere.id)).toBe(true);
		expect(byPassword.organizers.has(organizer.id)).toBe(false);
		expect(byPassword.barred).toEqual([organizer.id]);
		const own = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: `https://idp.exempel.se/${randomUUID()}` });
		const foreign = await buildIdentityProvider(t.db, { organizerId: elsewhere.id, issuer: `https://idp.exempel.se/${randomUUID()}` });
		expect((await rolesAt(both.id, `oidc:${own.id}`)).organizers.has(organizer.id)).toBe(true);
		expect((await rolesAt(both.id, `saml:${own.id}`)).barred).toEqual([]);
		expect((await rolesAt(both.id, `oidc:${foreign.id}`)).organizers.has(organizer.id)).toBe(false);
		expect((await rolesAt(sys.id, 'password')).organizers.has(organizer.id)).toBe(true);
		await updatePasswordSignIn(t.db, { actor, organizerId: organizer.id, allowed: true });
		expect((await rolesAt(both.id, 'password')).organizers.has(organizer.id)).toBe(true);
	});
});

describe('signing in through an OpenID Connect provider', () => {
	it('finds the person by the linked subject, audits the sign-in and sends them to their organizer', async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer });
		const teacher = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id }] });
		await t.db.insert(externalIdentities).values({ provider: provider.id, subject: 'larare-1', personId: teacher.id });
		const done = await roundTrip(provider.id, { sub: 'larare-1' });
		expect(done).toEqual({ personId: teacher.id, organizerSlug: organizer.slug, redirectTo: `/${organizer.slug}` });
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, teacher.id), eq(auditEvents.action, 'session.create')));
		expect(audit.changes).toEqual({ method: `oidc:${provider.id}` });
	});

	it("uses Entra's oid, not sub, as the stable subject", async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer, kind: 'entra' });
		const teacher = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id }] });
		await t.db.insert(externalIdentities).values({ provider: provider.id, subject: 'oid-42', personId: teacher.id });
		expect((await roundTrip(provider.id, { sub: 'per-app-sub', oid: 'oid-42' })).personId).toBe(teacher.id);
	});

	it('links by verified e-mail only when the provider allows it, and only a person the organizer alone vouches for', async () => {
		const organizer = await buildOrganizer(t.db);
		const strict = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer });
		const linking = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer, matchByEmail: true });
		const teacher = await buildPerson(t.db, { email: email(), roles: [{ role: 'staff', organizerId: organizer.id }] });

		expect(await reasonOf(roundTrip(strict.id, { sub: 'a-1', email: teacher.email, email_verified: true }))).toBe('unknown_user');
		expect((await lastFailure(organizer.id))?.reason).toBe('unknown_user');
		expect(await reasonOf(roundTrip(linking.id, { sub: 'a-1', email: teacher.email, email_verified: false }))).toBe('unknown_user');
		expect((await roundTrip(linking.id, { sub: 'a-1', email: teacher.email.toUpperCase(), email_verified: true })).personId).toBe(
			teacher.id
		);
		const links = await t.db.select().from(externalIdentities).where(eq(externalIdentities.personId, teacher.id));
		expect(links).toEqual([expect.objectContaining({ provider: linking.id, subject: 'a-1' })]);
		// Next time the subject alone is enough.
		expect((await roundTrip(linking.id, { sub: 'a-1' })).personId).toBe(teacher.id);

		// A person who is also a member elsewhere, or a system administrator, is never taken over by e-mail.
		const elsewhere = await buildOrganizer(t.db);
		const shared = await buildPerson(t.db, {
			email: email(),
			roles: [
				{ role: 'staff', organizerId: organizer.id },
				{ role: 'staff', organizerId: elsewhere.id }
			]
		});
		const sys = await buildPerson(t.db, { email: email(), roles: [{ role: 'system_admin' }], memberOf: organizer.id });
		for (const p of [shared, sys])
			expect(await reasonOf(roundTrip(linking.id, { sub: `x-${p.id}`, email: p.email, email_verified: true }))).toBe('unknown_user');
	});

	it('creates an unknown person just in time, as a member with the default role at the organizer level', async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, {
			organizerId: organizer.id,
			issuer: idp.issuer,
			createUnknown: true,
			defaultRole: 'staff'
		});
		const address = email();
		const done = await roundTrip(provider.id, { sub: 'ny-1', email: address, name: 'Åsa Öberg' });
		const [person] = await t.db.select().from(people).where(eq(people.id, done.personId));
		expect(person).toMatchObject({ name: 'Åsa Öberg', email: address, status: 'active' });
		expect(await t.db.select().from(memberships).where(eq(memberships.personId, person.id))).toEqual([
			expect.objectContaining({ organizerId: organizer.id })
		]);
		expect(await t.db.select().from(roleAssignments).where(eq(roleAssignments.personId, person.id))).toEqual([
			expect.objectContaining({ organizerId: organizer.id, unitId: null, role: 'staff' })
		]);
		// The second time it is the same person, not a new one.
		expect((await roundTrip(provider.id, { sub: 'ny-1', email: address })).personId).toBe(person.id);
		// An address someone already has is never taken over by a new account.
		const existing = await buildPerson(t.db, { email: email() });
		expect(await reasonOf(roundTrip(provider.id, { sub: 'ny-2', email: existing.email }))).toBe('unknown_user');
		expect(await reasonOf(roundTrip(provider.id, { sub: 'ny-3' }))).toBe('email');
	});

	it("lets in a Google account only from one of the provider's domains (hd)", async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, {
			organizerId: organizer.id,
			issuer: idp.issuer,
			kind: 'google',
			allowedDomains: ['skola.exempel.se'],
			createUnknown: true
		});
		expect(await reasonOf(roundTrip(provider.id, { sub: 'g-1', email: email(), hd: 'annan.se' }))).toBe('domain');
		expect(await reasonOf(roundTrip(provider.id, { sub: 'g-2', email: email() }))).toBe('domain');
		expect((await lastFailure(organizer.id))?.detail).toBe('no hd');
		const ok = await roundTrip(provider.id, { sub: 'g-3', email: email(), hd: 'skola.exempel.se' });
		expect(ok.organizerSlug).toBe(organizer.slug);
	});

	it('refuses a deactivated person', async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer });
		const gone = await buildPerson(t.db, { status: 'inactive', roles: [{ role: 'staff', organizerId: organizer.id }] });
		await t.db.insert(externalIdentities).values({ provider: provider.id, subject: 'slutat', personId: gone.id });
		expect(await reasonOf(roundTrip(provider.id, { sub: 'slutat' }))).toBe('inactive');
	});

	it('does not let a provider point the server at this machine or a private network unless the installation allows it', async () => {
		const organizer = await buildOrganizer(t.db);
		const local = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer });
		// openid-client wraps the guard's refusal; no request left this machine.
		const refusal = (p: Promise<unknown>) =>
			p.then(
				() => null,
				(e: Error) => e.cause
			);
		expect(await refusal(oidcConfiguration(local, { allowPrivate: false }))).toMatchObject({ code: 'INVALID' });
		const internal = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: 'https://10.20.30.40/tenant' });
		expect(await refusal(oidcConfiguration(internal, { allowPrivate: false }))).toMatchObject({ code: 'INVALID' });
		// The tests' own installation allows it, so the same local provider answers.
		await expect(oidcConfiguration(local)).resolves.toBeTruthy();
	});

	it('refuses a linked person who is no longer a member of the organizer', async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer });
		const left = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id }] });
		await t.db.insert(externalIdentities).values({ provider: provider.id, subject: 'flyttat', personId: left.id });
		await t.db.delete(roleAssignments).where(eq(roleAssignments.personId, left.id));
		await t.db.delete(memberships).where(eq(memberships.personId, left.id));
		expect(await reasonOf(roundTrip(provider.id, { sub: 'flyttat' }))).toBe('unknown_user');
	});

	it('refuses a wrong or missing state, a missing code, a provider error and a forged or expired id token — audited, nothing linked', async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer, createUnknown: true });
		const claims = () => ({ sub: `s-${randomUUID()}`, email: email() });
		expect(await reasonOf(roundTrip(provider.id, claims(), { alter: (u) => u.searchParams.set('state', 'förfalskad') }))).toBe('state');
		expect(await reasonOf(roundTrip(provider.id, claims(), { token: 'en-annan-webbläsare' }))).toBe('state');
		expect(await reasonOf(roundTrip(provider.id, claims(), { alter: (u) => u.searchParams.delete('code') }))).toBe('provider');
		expect(
			await reasonOf(
				roundTrip(provider.id, claims(), {
					alter: (u) => {
						u.searchParams.delete('code');
						u.searchParams.set('error', 'access_denied');
					}
				})
			)
		).toBe('provider');
		expect((await lastFailure(organizer.id))?.detail).toBe('access_denied');
		idp.tamperNext((p) => (p.aud = 'någon-annan'));
		expect(await reasonOf(roundTrip(provider.id, claims()))).toBe('token');
		idp.tamperNext((p) => (p.exp = Math.floor(Date.now() / 1000) - 3600));
		expect(await reasonOf(roundTrip(provider.id, claims()))).toBe('token');
		idp.tamperNext((p) => (p.nonce = 'en-annan'));
		expect(await reasonOf(roundTrip(provider.id, claims()))).toBe('token');
		expect(await t.db.select().from(externalIdentities).where(eq(externalIdentities.provider, provider.id))).toEqual([]);

		// An attempt is used once: the same answer a second time is refused.
		idp.signInAs(claims());
		const started = await startOidcSignIn(t.db, { providerId: provider.id, origin: ORIGIN });
		const callback = new URL((await fetch(started.url, { redirect: 'manual' })).headers.get('location')!);
		await finishOidcSignIn(t.db, { providerId: provider.id, token: started.token, callbackUrl: callback, origin: ORIGIN });
		expect(
			await reasonOf(finishOidcSignIn(t.db, { providerId: provider.id, token: started.token, callbackUrl: callback, origin: ORIGIN }))
		).toBe('state');
	});

	it("offers the provider's own sign-out for a session begun there", async () => {
		const organizer = await buildOrganizer(t.db);
		const provider = await buildIdentityProvider(t.db, { organizerId: organizer.id, issuer: idp.issuer, displayName: 'Skolkontot' });
		const teacher = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: organizer.id }] });
		const oidc = await createSession(t.db, { personId: teacher.id, method: `oidc:${provider.id}`, days: 1 });
		const password = await createSession(t.db, { personId: teacher.id, method: 'password', days: 1 });
		expect(await sessionProviderId(t.db, oidc.token)).toBe(provider.id);
		expect(await sessionProviderId(t.db, password.token)).toBeNull();
		const link = await providerSignOutLink(t.db, provider.id, ORIGIN);
		expect(link?.name).toBe('Skolkontot');
		expect(new URL(link!.url).searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/logga-in?utloggad`);
	});
});
