// Covers: startTwoFactorSetup, getTwoFactorState, useTwoFactorCode, resealTwoFactorSecrets (two-step secrets sealed at rest, decision 038).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildPerson } from '../../../../../tests/factories';
import { auditEvents, twoFactorSecrets } from '../../db/schema';
import { appKeyring, keyringOf, openSecret, sealSecret } from '../../crypto/secrets';
import { loadActor } from '../load-actor';
import { startTwoFactorSetup } from './start-two-factor-setup';
import { confirmTwoFactorSetup } from './confirm-two-factor-setup';
import { getTwoFactorState } from './get-two-factor-state';
import { useTwoFactorCode } from './use-two-factor-code';
import { resealTwoFactorSecrets } from './reseal-two-factor-secrets';
import { newTotpSecret, totpCode } from './totp';

const t = useTestDatabase();
const step = (n: number) => new Date(Date.UTC(2026, 11, 2, 12, 0, 0) + n * 30_000);
const stored = async (personId: string) =>
	(await t.db.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId)))[0].secret;

describe('two-step secrets at rest', () => {
	it('stores the secret sealed, never as shown to the person, and codes from the shown secret work', async () => {
		const person = await buildPerson(t.db);
		const actor = (await loadActor(t.db, person.id))!;
		await startTwoFactorSetup(t.db, { actor });
		const state = await getTwoFactorState(t.db, person.id);
		if (state.state !== 'pending') throw new Error('not pending');
		const row = await stored(person.id);
		expect(row).not.toContain(state.secret);
		expect(row).toMatch(new RegExp(`^v1:${appKeyring().currentId}:`));
		expect(openSecret(row)).toBe(state.secret);
		await confirmTwoFactorSetup(t.db, { actor, code: totpCode(state.secret, step(0)), now: step(0) });
		expect(await useTwoFactorCode(t.db, person.id, totpCode(state.secret, step(1)), step(1))).toBe('totp');
	});

	it('still accepts a plain secret from before, and the start-up step seals it and one under an old key, once', async () => {
		const plainPerson = await buildPerson(t.db);
		const oldPerson = await buildPerson(t.db);
		const plain = newTotpSecret();
		const oldKey = randomBytes(32);
		const underOld = newTotpSecret();
		await t.db.insert(twoFactorSecrets).values([
			{ personId: plainPerson.id, secret: plain, enabledAt: step(0) },
			{ personId: oldPerson.id, secret: sealSecret(underOld, keyringOf(oldKey)), enabledAt: step(0) }
		]);
		expect(await useTwoFactorCode(t.db, plainPerson.id, totpCode(plain, step(1)), step(1))).toBe('totp');

		const current = appKeyring();
		const rotated = keyringOf(current.keys.get(current.currentId)!, [oldKey]);
		expect(await resealTwoFactorSecrets(t.db, rotated)).toBeGreaterThanOrEqual(2);
		for (const [personId, secret] of [
			[plainPerson.id, plain],
			[oldPerson.id, underOld]
		]) {
			const row = await stored(personId);
			expect(row).toMatch(new RegExp(`^v1:${current.currentId}:`));
			expect(openSecret(row)).toBe(secret);
			const audits = await t.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.entityId, personId), eq(auditEvents.action, 'two_factor.reseal')));
			expect(audits).toHaveLength(1);
			expect(JSON.stringify(audits[0])).not.toContain(secret);
		}
		expect(await useTwoFactorCode(t.db, oldPerson.id, totpCode(underOld, step(2)), step(2))).toBe('totp');
		const before = await stored(plainPerson.id);
		await resealTwoFactorSecrets(t.db, rotated);
		expect(await stored(plainPerson.id)).toBe(before);
	});
});
