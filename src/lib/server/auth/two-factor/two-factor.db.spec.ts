// Covers: startTwoFactorSetup, confirmTwoFactorSetup, getTwoFactorState, createPendingSignIn, completeSignInWithCode, turnOffTwoFactor, resetTwoFactor, useTwoFactorCode, updateInstanceTwoFactorRequirement, updateOrganizerTwoFactorRequirement, totpCode.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildOrganizer, buildPerson, type RoleSpec } from '../../../../../tests/factories';
import { auditEvents, twoFactorRecoveryCodes, twoFactorSecrets } from '../../db/schema';
import { loadActor } from '../load-actor';
import { signInWithPassword } from '../sign-in';
import { createSession, validateSessionActor } from '../sessions';
import { startTwoFactorSetup } from './start-two-factor-setup';
import { confirmTwoFactorSetup } from './confirm-two-factor-setup';
import { getTwoFactorState } from './get-two-factor-state';
import { createPendingSignIn } from './create-pending-sign-in';
import { completeSignInWithCode } from './complete-sign-in-with-code';
import { turnOffTwoFactor } from './turn-off-two-factor';
import { resetTwoFactor } from './reset-two-factor';
import { useTwoFactorCode } from './use-two-factor-code';
import { updateInstanceTwoFactorRequirement, updateOrganizerTwoFactorRequirement } from './update-two-factor-requirement';
import { totpCode } from './totp';

const t = useTestDatabase();
const PASSWORD = 'ett långt lösenord';
const limits = { perAccountAndIp: 3, perAccount: 6, perIp: 100 };
/** Moments 30 s apart, so each has a fresh code. */
const step = (n: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, 0) + n * 30_000);

async function personWithTwoFactor(roles: RoleSpec[] = []) {
	const person = await buildPerson(t.db, { password: PASSWORD, roles });
	const actor = (await loadActor(t.db, person.id))!;
	await startTwoFactorSetup(t.db, { actor });
	const state = await getTwoFactorState(t.db, person.id);
	if (state.state !== 'pending') throw new Error('not pending');
	const { recoveryCodes } = await confirmTwoFactorSetup(t.db, { actor, code: totpCode(state.secret, step(0)), now: step(0) });
	return { person, actor, secret: state.secret, recoveryCodes };
}

const actions = async (personId: string) =>
	(await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, personId))).map((e) => e.action);

describe('setting up two-step verification', () => {
	it('stays pending until a right first code, then is on with ten hashed recovery codes and is audited', async () => {
		const person = await buildPerson(t.db, { password: PASSWORD });
		const actor = (await loadActor(t.db, person.id))!;
		await startTwoFactorSetup(t.db, { actor });
		const pending = await getTwoFactorState(t.db, person.id);
		expect(pending.state).toBe('pending');
		if (pending.state !== 'pending') return;
		const wrong = await confirmTwoFactorSetup(t.db, { actor, code: '000000', now: step(0) }).catch((e) => e);
		expect(wrong.issues).toEqual([{ field: 'code', message: 'twofactor_error_code' }]);
		const { recoveryCodes } = await confirmTwoFactorSetup(t.db, { actor, code: totpCode(pending.secret, step(0)), now: step(0) });
		expect(recoveryCodes).toHaveLength(10);
		const stored = await t.db.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.personId, person.id));
		expect(stored.map((s) => s.codeHash)).not.toContain(recoveryCodes[0]);
		expect(await getTwoFactorState(t.db, person.id)).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
		expect(await actions(person.id)).toEqual(expect.arrayContaining(['two_factor.setup_start', 'two_factor.enable']));
		// The secret is never handed out again once it is on, and set-up cannot start over it.
		expect(await startTwoFactorSetup(t.db, { actor }).catch((e) => e.code)).toBe('CONFLICT');
	});
});

describe('signing in with two-step verification', () => {
	it('needs a code after the password: no session until the code is right', async () => {
		const { person, secret } = await personWithTwoFactor();
		const first = await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.1', limits });
		expect(first).toEqual({ personId: person.id, secondStep: true });
		const { token } = await createPendingSignIn(t.db, person.id, step(1));
		const done = await completeSignInWithCode(t.db, { token, code: totpCode(secret, step(1)), ip: '10.9.0.1', limits, now: step(1) });
		expect(done).toEqual({ personId: person.id, method: 'password+totp' });
		// The pending sign-in is spent with it.
		const again = await completeSignInWithCode(t.db, {
			token,
			code: totpCode(secret, step(2)),
			ip: '10.9.0.1',
			limits,
			now: step(2)
		}).catch((e) => e);
		expect(again.issues[0].message).toBe('twofactor_error_expired');
	});

	it('refuses a reused and a wrong code, counts both toward the sign-in limits, and then refuses even the right one', async () => {
		const { person, secret } = await personWithTwoFactor();
		const { token } = await createPendingSignIn(t.db, person.id, step(0));
		// The code that confirmed the set-up (step 0) is already used.
		const reused = await completeSignInWithCode(t.db, {
			token,
			code: totpCode(secret, step(0)),
			ip: '10.9.0.2',
			limits,
			now: step(0)
		}).catch((e) => e);
		expect(reused.issues).toEqual([{ field: 'code', message: 'twofactor_error_reused' }]);
		const wrong = await completeSignInWithCode(t.db, { token, code: '123456', ip: '10.9.0.2', limits, now: step(0) }).catch((e) => e);
		expect(wrong.issues).toEqual([{ field: 'code', message: 'twofactor_error_code' }]);
		await completeSignInWithCode(t.db, { token, code: 'abc', ip: '10.9.0.2', limits, now: step(0) }).catch(() => null);
		const locked = await completeSignInWithCode(t.db, {
			token,
			code: totpCode(secret, step(1)),
			ip: '10.9.0.2',
			limits,
			now: step(1)
		}).catch((e) => e);
		expect(locked.code).toBe('RATE_LIMITED');
		// The password step is locked by the same counter.
		expect(await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.2', limits }).catch((e) => e.code)).toBe(
			'RATE_LIMITED'
		);
		const failed = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.actorId, person.id), eq(auditEvents.action, 'two_factor.failed')));
		expect(failed).toHaveLength(3);
	});

	it('a right password does not clear the counters while the code is still owed', async () => {
		const { person } = await personWithTwoFactor();
		const { token } = await createPendingSignIn(t.db, person.id, step(0));
		const few = { ...limits, perAccountAndIp: 2 };
		await completeSignInWithCode(t.db, { token, code: '111111', ip: '10.9.0.6', limits: few, now: step(0) }).catch(() => null);
		await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.6', limits: few });
		await completeSignInWithCode(t.db, { token, code: '222222', ip: '10.9.0.6', limits: few, now: step(0) }).catch(() => null);
		expect(
			await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.6', limits: few }).catch((e) => e.code)
		).toBe('RATE_LIMITED');
	});

	it('takes a recovery code once, audits it, and refuses it the second time', async () => {
		const { person, recoveryCodes } = await personWithTwoFactor();
		const a = await createPendingSignIn(t.db, person.id, step(1));
		const done = await completeSignInWithCode(t.db, {
			token: a.token,
			code: recoveryCodes[3].toUpperCase(),
			ip: '10.9.0.3',
			limits,
			now: step(1)
		});
		expect(done.method).toBe('password+recovery');
		expect(await actions(person.id)).toContain('two_factor.recovery_used');
		const b = await createPendingSignIn(t.db, person.id, step(1));
		const twice = await completeSignInWithCode(t.db, {
			token: b.token,
			code: recoveryCodes[3],
			ip: '10.9.0.3',
			limits,
			now: step(1)
		}).catch((e) => e);
		expect(twice.issues[0].message).toBe('twofactor_error_code');
		expect(await getTwoFactorState(t.db, person.id)).toMatchObject({ recoveryCodesLeft: 9 });
	});

	it('lets only one of two requests with the same code win', async () => {
		const { person, secret } = await personWithTwoFactor();
		const code = totpCode(secret, step(3));
		const results = await Promise.all([useTwoFactorCode(t.db, person.id, code, step(3)), useTwoFactorCode(t.db, person.id, code, step(3))]);
		expect(results.sort()).toEqual(['reused', 'totp']);
		// An older code than the last used one is refused too, although it is within the drift window.
		expect(await useTwoFactorCode(t.db, person.id, totpCode(secret, step(2)), step(3))).toBe('reused');
	});
});

describe('turning two-step verification off', () => {
	it('needs the password or a code; a wrong proof changes nothing', async () => {
		const { person, actor, secret } = await personWithTwoFactor();
		const wrong = await turnOffTwoFactor(t.db, { actor, proof: 'inte mitt lösenord alls' }).catch((e) => e);
		expect(wrong.issues).toEqual([{ field: 'proof', message: 'twofactor_error_proof' }]);
		expect((await getTwoFactorState(t.db, person.id)).state).toBe('on');
		await turnOffTwoFactor(t.db, { actor, proof: totpCode(secret, step(5)), now: step(5) });
		expect((await getTwoFactorState(t.db, person.id)).state).toBe('off');
		expect(await actions(person.id)).toContain('two_factor.disable');
		expect(await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.4', limits })).toMatchObject({
			secondStep: false
		});
	});
});

describe("an administrator's reset", () => {
	it("turns off a member's two-step verification, audited; another organizer's administrator cannot", async () => {
		const org = await buildOrganizer(t.db);
		const other = await buildOrganizer(t.db);
		const admin = (await loadActor(t.db, (await buildPerson(t.db, { roles: [{ role: 'org_admin', organizerId: org.id }] })).id))!;
		const stranger = (await loadActor(t.db, (await buildPerson(t.db, { roles: [{ role: 'org_admin', organizerId: other.id }] })).id))!;
		const { person } = await personWithTwoFactor([{ role: 'staff', organizerId: org.id }]);
		expect(await resetTwoFactor(t.db, { actor: stranger, organizerId: org.id, personId: person.id }).catch((e) => e.code)).toBe(
			'FORBIDDEN'
		);
		expect(await resetTwoFactor(t.db, { actor: stranger, organizerId: other.id, personId: person.id }).catch((e) => e.code)).toBe(
			'NOT_FOUND'
		);
		await resetTwoFactor(t.db, { actor: admin, organizerId: org.id, personId: person.id });
		expect(await t.db.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.personId, person.id))).toEqual([]);
		const [event] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, person.id), eq(auditEvents.action, 'two_factor.reset')));
		expect(event).toMatchObject({ actorId: admin.personId, organizerId: org.id });
		expect(await signInWithPassword(t.db, { email: person.email, password: PASSWORD, ip: '10.9.0.5', limits })).toMatchObject({
			secondStep: false
		});
	});

	it("refuses for a person who is also a member elsewhere (their identity is not the organizer's alone)", async () => {
		const org = await buildOrganizer(t.db);
		const other = await buildOrganizer(t.db);
		const admin = (await loadActor(t.db, (await buildPerson(t.db, { roles: [{ role: 'org_admin', organizerId: org.id }] })).id))!;
		const { person } = await personWithTwoFactor([
			{ role: 'staff', organizerId: org.id },
			{ role: 'staff', organizerId: other.id }
		]);
		const e = await resetTwoFactor(t.db, { actor: admin, organizerId: org.id, personId: person.id }).catch((x) => x);
		expect(e.issues[0].message).toBe('people_error_identity_shared');
	});
});

describe('requiring two-step verification of administrators', () => {
	it("sends an organizer's administrator without it to set-up once the organizer requires it, not before and not after", async () => {
		const org = await buildOrganizer(t.db);
		const person = await buildPerson(t.db, { password: PASSWORD, roles: [{ role: 'org_admin', organizerId: org.id }] });
		const staff = await buildPerson(t.db, { password: PASSWORD, roles: [{ role: 'staff', organizerId: org.id }] });
		const actor = (await loadActor(t.db, person.id))!;
		const session = await createSession(t.db, { personId: person.id, method: 'password', days: 1 });
		const staffSession = await createSession(t.db, { personId: staff.id, method: 'password', days: 1 });
		const must = async (token: string) => (await validateSessionActor(t.db, token, 1))!.mustSetUpTwoFactor;
		expect(await must(session.token)).toBe(false);
		await updateOrganizerTwoFactorRequirement(t.db, { actor, organizerId: org.id, required: true });
		expect(await must(session.token)).toBe(true);
		expect(await must(staffSession.token)).toBe(false);
		await startTwoFactorSetup(t.db, { actor });
		const s = await getTwoFactorState(t.db, person.id);
		if (s.state !== 'pending') throw new Error('not pending');
		await confirmTwoFactorSetup(t.db, { actor, code: totpCode(s.secret, new Date()) });
		expect(await must(session.token)).toBe(false);
		const [event] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, org.id), eq(auditEvents.action, 'two_factor.requirement_update')));
		expect(event.changes).toEqual({ requireTwoFactorForAdmins: [false, true] });
	});

	it('sends system administrators to set-up when the installation requires it; only they may set it', async () => {
		const sys = await buildPerson(t.db, { roles: [{ role: 'system_admin' }] });
		const actor = (await loadActor(t.db, sys.id))!;
		const org = await buildOrganizer(t.db);
		const orgAdmin = (await loadActor(t.db, (await buildPerson(t.db, { roles: [{ role: 'org_admin', organizerId: org.id }] })).id))!;
		expect(await updateInstanceTwoFactorRequirement(t.db, { actor: orgAdmin, required: true }).catch((e) => e.code)).toBe('FORBIDDEN');
		const session = await createSession(t.db, { personId: sys.id, method: 'password', days: 1 });
		try {
			await updateInstanceTwoFactorRequirement(t.db, { actor, required: true });
			expect((await validateSessionActor(t.db, session.token, 1))!.mustSetUpTwoFactor).toBe(true);
		} finally {
			await updateInstanceTwoFactorRequirement(t.db, { actor, required: false });
		}
		expect((await validateSessionActor(t.db, session.token, 1))!.mustSetUpTwoFactor).toBe(false);
	});
});
