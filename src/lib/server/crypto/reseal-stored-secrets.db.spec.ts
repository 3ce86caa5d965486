// Covers: resealStoredSecrets through resealIdentityProviderSecrets and resealWebhookSecrets (decision 038).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildIdentityProvider, buildOrgAdmin } from '../../../../tests/factories';
import { auditEvents, identityProviders, webhookSubscriptions } from '../db/schema';
import { appKeyring, keyringOf, openSecret, sealSecret } from './secrets';
import { resealIdentityProviderSecrets } from '../auth/sso/reseal-identity-provider-secrets';
import { resealWebhookSecrets } from '../integrations/webhooks/reseal-webhook-secrets';

const t = useTestDatabase();

describe('secrets sealed again at start', () => {
	it("seals an identity provider's client secret and a webhook's signing secret under the current key, once, audited without them", async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const oldKey = randomBytes(32);
		const underOld = (plain: string) => sealSecret(plain, keyringOf(oldKey));
		const provider = await buildIdentityProvider(t.db, {
			organizerId: organizer.id,
			issuer: 'https://login.example.test/tenant/v2.0',
			clientSecret: underOld('klient-hemlighet')
		});
		const [hook] = await t.db
			.insert(webhookSubscriptions)
			.values({
				organizerId: organizer.id,
				url: 'https://mottagare.example.test/in',
				events: ['case.created'],
				secretSealed: underOld('whsec_c2lnbmVyaW5n'),
				createdById: actor.personId
			})
			.returning();
		const current = appKeyring();
		const rotated = keyringOf(current.keys.get(current.currentId)!, [oldKey]);
		expect(await resealIdentityProviderSecrets(t.db, rotated)).toBeGreaterThanOrEqual(1);
		expect(await resealWebhookSecrets(t.db, rotated)).toBeGreaterThanOrEqual(1);

		const [p] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, provider.id));
		const [w] = await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, hook.id));
		expect(p.clientSecret).toMatch(new RegExp(`^v1:${current.currentId}:`));
		expect(openSecret(p.clientSecret!)).toBe('klient-hemlighet');
		expect(openSecret(w.secretSealed)).toBe('whsec_c2lnbmVyaW5n');
		for (const [id, action, secret] of [
			[provider.id, 'sso.reseal', 'klient-hemlighet'],
			[hook.id, 'webhook.reseal', 'whsec_c2lnbmVyaW5n']
		]) {
			const audits = await t.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, action)));
			expect(audits).toHaveLength(1);
			expect(audits[0].organizerId).toBe(organizer.id);
			expect(JSON.stringify(audits[0])).not.toContain(secret);
		}
		// Nothing left to do: a second start changes nothing.
		await resealIdentityProviderSecrets(t.db, rotated);
		const [again] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, provider.id));
		expect(again.clientSecret).toBe(p.clientSecret);
	});

	it('leaves a value no key in the keyring opens as it is', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const lost = sealSecret('okänd', keyringOf(randomBytes(32)));
		const provider = await buildIdentityProvider(t.db, {
			organizerId: organizer.id,
			issuer: 'https://idp.example.test',
			clientSecret: lost
		});
		await resealIdentityProviderSecrets(t.db);
		const [p] = await t.db.select().from(identityProviders).where(eq(identityProviders.id, provider.id));
		expect(p.clientSecret).toBe(lost);
	});
});
