// Covers: changePassword, createSession, validateSession.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildActor, buildOrganizer } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, passwordCredentials } from '../db/schema';
import { changePassword } from './change-password';
import { createSession, validateSession } from './sessions';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const OLD = 'det gamla långa lösenordet';
const NEW = 'ett helt nytt långt lösenord';

async function signedInStaff(password = OLD) {
	const org = await buildOrganizer(h.db);
	const actor = await buildActor(h.db, [{ role: 'staff', organizerId: org.id }]);
	const { hashPassword } = await import('./password');
	await h.db.insert(passwordCredentials).values({ personId: actor.personId, hash: await hashPassword(password) });
	const here = await createSession(h.db, { personId: actor.personId, method: 'password', days: 14 });
	const elsewhere = await createSession(h.db, { personId: actor.personId, method: 'password', days: 14 });
	return { org, actor, here, elsewhere };
}

const hashOf = async (personId: string) =>
	(await h.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, personId)))[0].hash;

describe('changing one’s own password', () => {
	it('replaces the password, keeps this session, ends the others and audits it', async () => {
		const { org, actor, here, elsewhere } = await signedInStaff();
		const before = await hashOf(actor.personId);
		await changePassword(h.db, { actor, sessionToken: here.token, currentPassword: OLD, newPassword: NEW, newPasswordRepeat: NEW });
		expect(await hashOf(actor.personId)).not.toBe(before);
		expect(await validateSession(h.db, here.token, 14)).not.toBeNull();
		expect(await validateSession(h.db, elsewhere.token, 14)).toBeNull();
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'password.change'), eq(auditEvents.actorId, actor.personId)));
		expect(event).toMatchObject({ organizerId: org.id, entityId: actor.personId, changes: { otherSessionsEnded: 1 } });
	});

	it('refuses a wrong current password and a bad new one together, changing nothing', async () => {
		const { actor, here, elsewhere } = await signedInStaff();
		const before = await hashOf(actor.personId);
		const e = await changePassword(h.db, {
			actor,
			sessionToken: here.token,
			currentPassword: 'fel',
			newPassword: 'kort',
			newPasswordRepeat: 'annat'
		}).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues.map((i: { field: string }) => i.field)).toEqual(['currentPassword', 'newPassword', 'newPasswordRepeat']);
		expect(await hashOf(actor.personId)).toBe(before);
		expect(await validateSession(h.db, elsewhere.token, 14)).not.toBeNull();
	});

	it('stops guessing the current password after too many wrong tries', async () => {
		const { actor, here } = await signedInStaff();
		for (let i = 0; i < 2; i++) {
			await changePassword(h.db, {
				actor,
				sessionToken: here.token,
				currentPassword: 'fel',
				newPassword: NEW,
				newPasswordRepeat: NEW,
				limit: 2
			}).catch(() => null);
		}
		const e = await changePassword(h.db, {
			actor,
			sessionToken: here.token,
			currentPassword: OLD,
			newPassword: NEW,
			newPasswordRepeat: NEW,
			limit: 2
		}).catch((x) => x);
		expect(e.code).toBe('RATE_LIMITED');
	});

	it('is refused when nobody is signed in', async () => {
		const e = await changePassword(h.db, {
			actor: null,
			sessionToken: 'x',
			currentPassword: OLD,
			newPassword: NEW,
			newPasswordRepeat: NEW
		}).catch((x) => x);
		expect(e.code).toBe('UNAUTHENTICATED');
	});
});
