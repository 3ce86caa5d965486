// Covers: signInWithPassword, createSession, validateSession.
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

const limits = { perAccountAndIp: 3, perAccount: 6, perIp: 100 };

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
		const e = await signInWithPassword(h.db, { email: 'spärr@exempel.se', password: 'ett långt lösenord', ip: '10.0.0.3', limits }).catch(
			(x) => x
		);
		expect(e.code).toBe('RATE_LIMITED');
	});

	it('counts only failures: many successful sign-ins from one address never lock anyone out', async () => {
		const school = { ...limits, perIp: 5 };
		await buildPerson(h.db, { email: 'elev.nat@exempel.se', password: 'ett långt lösenord' });
		for (let i = 0; i < 12; i++) {
			const r = await signInWithPassword(h.db, {
				email: 'elev.nat@exempel.se',
				password: 'ett långt lösenord',
				ip: '10.1.0.1',
				limits: school
			});
			expect(r.personId).toBeTruthy();
		}
	});

	it('locks per account and address, then per account from any address, then per address', async () => {
		const p = await buildPerson(h.db, { email: 'gissad@exempel.se', password: 'ett långt lösenord' });
		const attempt = (ip: string, password = 'fel', email = 'gissad@exempel.se') =>
			signInWithPassword(h.db, { email, password, ip, limits }).then(
				() => 'ok',
				(e) => e.code
			);
		for (let i = 0; i < 3; i++) expect(await attempt('10.2.0.1')).toBe('UNAUTHENTICATED');
		expect(await attempt('10.2.0.1', 'ett långt lösenord')).toBe('RATE_LIMITED');
		// Another address still gets in, and its success clears the account's counters.
		expect(await attempt('10.2.0.2', 'ett långt lösenord')).toBe('ok');
		// Failures spread over addresses fill the account's own counter (6).
		for (const ip of ['10.2.1.1', '10.2.1.2', '10.2.1.3', '10.2.1.4', '10.2.1.5', '10.2.1.6'])
			expect(await attempt(ip)).toBe('UNAUTHENTICATED');
		expect(await attempt('10.2.1.7', 'ett långt lösenord')).toBe('RATE_LIMITED');
		expect(p.id).toBeTruthy();
		// One address guessing at many accounts fills the address's counter.
		const spray = { ...limits, perIp: 4 };
		for (let i = 0; i < 4; i++) {
			const e = await signInWithPassword(h.db, { email: `spray${i}@exempel.se`, password: 'fel', ip: '10.2.9.9', limits: spray }).catch(
				(x) => x
			);
			expect(e.code).toBe('UNAUTHENTICATED');
		}
		const e = await signInWithPassword(h.db, {
			email: 'elev.nat@exempel.se',
			password: 'ett långt lösenord',
			ip: '10.2.9.9',
			limits: spray
		}).catch((x) => x);
		expect(e.code).toBe('RATE_LIMITED');
	});

	it('caps and normalizes the e-mail before it becomes a key: a megabyte address is an ordinary failure', async () => {
		const e = await signInWithPassword(h.db, {
			email: 'a'.repeat(1_000_000) + '@exempel.se',
			password: 'fel',
			ip: '10.3.0.1',
			limits
		}).catch((x) => x);
		expect(e.code).toBe('UNAUTHENTICATED');
		const p = await buildPerson(h.db, { email: 'åsa.nfc@exempel.se', password: 'ett långt lösenord' });
		// "å" typed as a + combining ring, upper case, with spaces.
		const r = await signInWithPassword(h.db, {
			email: ' A\u030asa.NFC@exempel.se ',
			password: 'ett långt lösenord',
			ip: '10.3.0.1',
			limits
		});
		expect(r.personId).toBe(p.id);
	});

	it('refuses an inactive person', async () => {
		await buildPerson(h.db, { email: 'slutat@exempel.se', password: 'ett långt lösenord', status: 'inactive' });
		const e = await signInWithPassword(h.db, { email: 'slutat@exempel.se', password: 'ett långt lösenord', ip: '10.0.0.4', limits }).catch(
			(x) => x
		);
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
