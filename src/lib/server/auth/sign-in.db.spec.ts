import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents } from '../db/schema';
import { signInWithPassword } from './sign-in';
import { createSession, validateSession } from './sessions';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const limits = { perAccount: 3, perIp: 100 };

describe('signing in with a password', () => {
	it('accepts the right password, case-insensitively on the e-mail, and audits it', async () => {
		const p = await buildPerson(h.db, { email: 'rektor@exempel.se', password: 'ett långt lösenord' });
		const r = await signInWithPassword(h.db, { email: ' Rektor@Exempel.se ', password: 'ett långt lösenord', ip: '10.0.0.1', limits });
		expect(r.personId).toBe(p.id);
		const events = await h.db.select().from(auditEvents).where(eq(auditEvents.actorId, p.id));
		expect(events.map((e) => e.action)).toContain('session.create');
	});

	it('gives the same error for a wrong password as for an unknown account', async () => {
		await buildPerson(h.db, { email: 'larare@exempel.se', password: 'ett långt lösenord' });
		const wrong = await signInWithPassword(h.db, { email: 'larare@exempel.se', password: 'fel', ip: '10.0.0.2', limits }).catch((e) => e);
		const unknown = await signInWithPassword(h.db, { email: 'ingen@exempel.se', password: 'fel', ip: '10.0.0.2', limits }).catch((e) => e);
		expect(wrong.code).toBe('UNAUTHENTICATED');
		expect(unknown.code).toBe(wrong.code);
		expect(unknown.message).toBe(wrong.message);
	});

	it('locks an account after too many failures, even with the right password', async () => {
		await buildPerson(h.db, { email: 'spärr@exempel.se', password: 'ett långt lösenord' });
		for (let i = 0; i < 3; i++) {
			await signInWithPassword(h.db, { email: 'spärr@exempel.se', password: 'fel', ip: '10.0.0.3', limits }).catch(() => null);
		}
		const e = await signInWithPassword(h.db, { email: 'spärr@exempel.se', password: 'ett långt lösenord', ip: '10.0.0.3', limits }).catch((x) => x);
		expect(e.code).toBe('RATE_LIMITED');
	});

	it('refuses an inactive person', async () => {
		await buildPerson(h.db, { email: 'slutat@exempel.se', password: 'ett långt lösenord', status: 'inactive' });
		const e = await signInWithPassword(h.db, { email: 'slutat@exempel.se', password: 'ett långt lösenord', ip: '10.0.0.4', limits }).catch((x) => x);
		expect(e.code).toBe('UNAUTHENTICATED');
	});
});

describe('sessions', () => {
	it('finds the person behind a real token and nobody behind a tampered one', async () => {
		const p = await buildPerson(h.db);
		const { token } = await createSession(h.db, { personId: p.id, method: 'password', days: 14 });
		expect((await validateSession(h.db, token, 14))?.personId).toBe(p.id);
		const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
		expect(await validateSession(h.db, tampered, 14)).toBeNull();
	});
});
