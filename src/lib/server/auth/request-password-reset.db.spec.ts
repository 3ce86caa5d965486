// Covers: requestPasswordReset, hashToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, outbox, passwordResets } from '../db/schema';
import { requestPasswordReset } from './request-password-reset';
import { hashToken } from './tokens';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const origin = 'https://rodtrad.exempel.se';
const counts = async () => {
	const [r] = await h.db.select({ n: count() }).from(passwordResets);
	const [o] = await h.db.select({ n: count() }).from(outbox);
	const [a] = await h.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'password.reset_requested'));
	return { resets: r.n, mails: o.n, audits: a.n };
};

describe('asking for a password-reset link', () => {
	it('stores only the hash of a one-time token and writes a mail to the person’s organizer outbox', async () => {
		const org = await buildOrganizer(h.db);
		const p = await buildPerson(h.db, { name: 'Rut Rektor', email: 'rut@exempel.se', memberOf: org.id });
		const { issued } = await requestPasswordReset(h.db, { email: ' Rut@Exempel.se ', ip: '10.1.0.1', origin, validMinutes: 30 });
		await issued;

		const [mail] = await h.db.select().from(outbox).where(eq(outbox.toAddress, 'rut@exempel.se'));
		expect(mail.organizerId).toBe(org.id);
		expect(mail.sentAt).toBeNull();
		const token = mail.body.match(/aterstall-losenord\/([\w-]+)/)![1];
		const [reset] = await h.db.select().from(passwordResets).where(eq(passwordResets.personId, p.id));
		expect(reset.tokenHash).toBe(hashToken(token));
		expect(reset.tokenHash).not.toContain(token);
		const minutesLeft = (reset.expiresAt.getTime() - Date.now()) / 60_000;
		expect(minutesLeft).toBeGreaterThan(29);
		expect(minutesLeft).toBeLessThanOrEqual(30);
		const [event] = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, p.id));
		expect(event).toMatchObject({ action: 'password.reset_requested', organizerId: org.id });
	});

	it('gives the same result for an unknown e-mail but writes no reset, no mail and no audit event', async () => {
		const before = await counts();
		const { issued } = await requestPasswordReset(h.db, { email: 'ingen.alls@exempel.se', ip: '10.1.0.2', origin });
		await issued;
		expect(await counts()).toEqual(before);
	});

	it('treats an inactive person like an unknown one', async () => {
		await buildPerson(h.db, { email: 'slutat@exempel.se', status: 'inactive', memberOf: (await buildOrganizer(h.db)).id });
		const before = await counts();
		await (
			await requestPasswordReset(h.db, { email: 'slutat@exempel.se', ip: '10.1.0.3', origin })
		).issued;
		expect(await counts()).toEqual(before);
	});

	it('refuses a malformed e-mail address with a field message and writes nothing', async () => {
		const before = await counts();
		const e = await requestPasswordReset(h.db, { email: 'inte en adress', ip: '10.1.0.4', origin }).catch((x) => x);
		expect(e.code).toBe('INVALID');
		expect(e.issues).toEqual([{ field: 'email', message: 'error_email' }]);
		expect(await counts()).toEqual(before);
	});

	it('limits requests per e-mail, counting unknown addresses the same way as known ones', async () => {
		const limits = { perEmail: 2, perIp: 100 };
		for (const email of ['finns@exempel.se', 'finns.inte@exempel.se']) {
			if (email === 'finns@exempel.se') await buildPerson(h.db, { email, memberOf: (await buildOrganizer(h.db)).id });
			await (
				await requestPasswordReset(h.db, { email, ip: '10.1.0.5', origin, limits })
			).issued;
			await (
				await requestPasswordReset(h.db, { email, ip: '10.1.0.5', origin, limits })
			).issued;
			const e = await requestPasswordReset(h.db, { email, ip: '10.1.0.5', origin, limits }).catch((x) => x);
			expect(e.code).toBe('RATE_LIMITED');
			expect(e.issues[0]).toEqual({ field: 'email', message: 'account_reset_rate_limited' });
		}
	});

	it('limits requests per IP address across different e-mails', async () => {
		const limits = { perEmail: 100, perIp: 2 };
		await requestPasswordReset(h.db, { email: 'a@exempel.se', ip: '10.1.0.6', origin, limits });
		await requestPasswordReset(h.db, { email: 'b@exempel.se', ip: '10.1.0.6', origin, limits });
		const e = await requestPasswordReset(h.db, { email: 'c@exempel.se', ip: '10.1.0.6', origin, limits }).catch((x) => x);
		expect(e.code).toBe('RATE_LIMITED');
	});
});
