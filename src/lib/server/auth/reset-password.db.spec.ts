// Covers: requestPasswordReset, resetPassword, findUsablePasswordReset, createSession, validateSession, signInWithPassword, hashToken, newToken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../tests/db';
import { buildOrganizer, buildPerson } from '../../../../tests/factories';
import type { DbHandle } from '../db';
import { auditEvents, outbox, passwordCredentials, passwordResets, sessions } from '../db/schema';
import { requestPasswordReset } from './request-password-reset';
import { resetPassword } from './reset-password';
import { findUsablePasswordReset } from './find-password-reset';
import { createSession, validateSession } from './sessions';
import { signInWithPassword } from './sign-in';
import { hashToken, newToken } from './tokens';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const OLD = 'det gamla långa lösenordet';
const NEW = 'ett helt nytt långt lösenord';
const limits = { perAccount: 5, perIp: 100 };

/** A person with a password and a mailed reset link; returns the token from the mail. */
async function personWithLink(email: string) {
	const org = await buildOrganizer(h.db);
	const person = await buildPerson(h.db, { email, password: OLD, memberOf: org.id });
	await (
		await requestPasswordReset(h.db, { email, ip: `ip-${email}`, origin: 'http://localhost' })
	).issued;
	const [mail] = await h.db.select().from(outbox).where(eq(outbox.toAddress, email));
	return { person, org, token: mail.body.match(/aterstall-losenord\/([\w-]+)/)![1] };
}

describe('setting a new password through a reset link', () => {
	it('works once: sets the password, ends every session, spends the link and audits it', async () => {
		const { person, org, token } = await personWithLink('ett@exempel.se');
		const s1 = await createSession(h.db, { personId: person.id, method: 'password', days: 14 });
		const s2 = await createSession(h.db, { personId: person.id, method: 'password', days: 14 });
		expect(await findUsablePasswordReset(h.db, token)).toEqual({ personId: person.id });

		await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: NEW });

		expect(await signInWithPassword(h.db, { email: 'ett@exempel.se', password: NEW, ip: '1', limits })).toEqual({
			personId: person.id,
			secondStep: false
		});
		const oldTry = await signInWithPassword(h.db, { email: 'ett@exempel.se', password: OLD, ip: '1', limits }).catch((e) => e);
		expect(oldTry.code).toBe('UNAUTHENTICATED');
		expect(await validateSession(h.db, s1.token, 14)).toBeNull();
		expect(await validateSession(h.db, s2.token, 14)).toBeNull();
		expect(await findUsablePasswordReset(h.db, token)).toBeNull();
		const [event] = await h.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'password.reset'), eq(auditEvents.entityId, person.id)));
		expect(event).toMatchObject({ actorId: person.id, entityId: person.id, organizerId: org.id });
		expect(JSON.stringify(event.changes)).not.toContain(NEW);

		const again = await resetPassword(h.db, {
			token,
			newPassword: 'ett tredje långt lösenord',
			newPasswordRepeat: 'ett tredje långt lösenord'
		}).catch((e) => e);
		expect(again.code).toBe('NOT_FOUND');
		expect(await signInWithPassword(h.db, { email: 'ett@exempel.se', password: NEW, ip: '1', limits })).toEqual({
			personId: person.id,
			secondStep: false
		});
	});

	it('spends the person’s other open links too', async () => {
		const { person, token } = await personWithLink('tva@exempel.se');
		const other = newToken();
		await h.db
			.insert(passwordResets)
			.values({ tokenHash: hashToken(other), personId: person.id, expiresAt: new Date(Date.now() + 600_000) });
		await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: NEW });
		expect(await findUsablePasswordReset(h.db, other)).toBeNull();
	});

	it('creates a password for a person who had none', async () => {
		const org = await buildOrganizer(h.db);
		const person = await buildPerson(h.db, { email: 'utan@exempel.se', memberOf: org.id });
		await (
			await requestPasswordReset(h.db, { email: 'utan@exempel.se', ip: 'x', origin: 'http://localhost' })
		).issued;
		const [mail] = await h.db.select().from(outbox).where(eq(outbox.toAddress, 'utan@exempel.se'));
		const token = mail.body.match(/aterstall-losenord\/([\w-]+)/)![1];
		await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: NEW });
		const [cred] = await h.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, person.id));
		expect(cred.hash).toMatch(/^\$argon2id\$/);
	});

	it('refuses an expired link and changes nothing', async () => {
		const person = await buildPerson(h.db, { email: 'sent@exempel.se', password: OLD });
		const token = newToken();
		await h.db.insert(passwordResets).values({ tokenHash: hashToken(token), personId: person.id, expiresAt: new Date(Date.now() - 1000) });
		const e = await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: NEW }).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
		expect(await signInWithPassword(h.db, { email: 'sent@exempel.se', password: OLD, ip: '2', limits })).toEqual({
			personId: person.id,
			secondStep: false
		});
		const [reset] = await h.db.select().from(passwordResets).where(eq(passwordResets.personId, person.id));
		expect(reset.usedAt).toBeNull();
	});

	it('refuses an unknown or absurd token without an error page', async () => {
		for (const token of ['finns-inte', 'x'.repeat(5000), '']) {
			const e = await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: NEW }).catch((x) => x);
			expect(e.code).toBe('NOT_FOUND');
		}
	});

	it('refuses a too-short password or a repeat that differs, leaving the database as it was', async () => {
		const { person, token } = await personWithLink('kort@exempel.se');
		const session = await createSession(h.db, { personId: person.id, method: 'password', days: 14 });
		const [credBefore] = await h.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, person.id));

		const short = await resetPassword(h.db, { token, newPassword: 'kort', newPasswordRepeat: 'kort' }).catch((x) => x);
		expect(short.code).toBe('INVALID');
		expect(short.issues).toContainEqual({ field: 'newPassword', message: 'error_password_short' });
		const differs = await resetPassword(h.db, { token, newPassword: NEW, newPasswordRepeat: `${NEW}!` }).catch((x) => x);
		expect(differs.issues).toEqual([{ field: 'newPasswordRepeat', message: 'account_error_password_mismatch' }]);

		const [credAfter] = await h.db.select().from(passwordCredentials).where(eq(passwordCredentials.personId, person.id));
		expect(credAfter).toEqual(credBefore);
		expect(await findUsablePasswordReset(h.db, token)).toEqual({ personId: person.id });
		expect(await h.db.select().from(sessions).where(eq(sessions.personId, person.id))).toHaveLength(1);
		expect(await validateSession(h.db, session.token, 14)).not.toBeNull();
		const events = await h.db.select().from(auditEvents).where(eq(auditEvents.entityId, person.id));
		expect(events.map((e) => e.action)).toEqual(['password.reset_requested']);
	});
});
