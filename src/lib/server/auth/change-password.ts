import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordCredentials, sessions } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldIssue } from '../errors';
import type { Actor } from '../policies';
import { findHomeOrganizerId } from './home-organizer';
import { newPasswordSchema, type NewPasswordInput } from './new-password-fields';
import { hashPassword, verifyPassword } from './password';
import { clearRateLimit, hitRateLimit, isRateLimited } from './rate-limit';
import { hashToken } from './tokens';

export type ChangePasswordOptions = NewPasswordInput & {
	actor: Actor | null;
	currentPassword: string;
	/** The session making the change; it stays signed in, every other one ends. */
	sessionToken: string;
	/** Wrong current passwords allowed per person in 15 minutes. */
	limit?: number;
};

const WINDOW_SECONDS = 15 * 60;

/**
 * A signed-in person changes their own password. Every signed-in person may do this for
 * themselves only (there is no policy action: the actor is the resource). The current password
 * must be right, and wrong guesses are rate-limited so a stolen session cannot brute-force it.
 * On success the hash is replaced, the person's other sessions end, and password.change is audited.
 */
export async function changePassword(db: Db, opts: ChangePasswordOptions): Promise<void> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	const limitKey = `password-change:${personId}`;
	if (await isRateLimited(db, limitKey, opts.limit ?? 5, WINDOW_SECONDS)) {
		throw new AppError('RATE_LIMITED', 'too many attempts', [{ field: 'currentPassword', message: 'account_change_rate_limited' }]);
	}
	const parsed = newPasswordSchema.safeParse(opts);
	const issues: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
	const [credential] = await db
		.select({ hash: passwordCredentials.hash })
		.from(passwordCredentials)
		.where(eq(passwordCredentials.personId, personId));
	const currentOk = credential ? await verifyPassword(credential.hash, opts.currentPassword) : false;
	if (!currentOk) {
		await hitRateLimit(db, limitKey, opts.limit ?? 5, WINDOW_SECONDS);
		issues.unshift({ field: 'currentPassword', message: 'account_error_current_password' });
	}
	if (issues.length || !parsed.success) throw new AppError('INVALID', 'cannot change password', issues);

	const hash = await hashPassword(parsed.data.newPassword);
	await db.transaction(async (tx) => {
		const now = new Date();
		await tx.update(passwordCredentials).set({ hash, updatedAt: now }).where(eq(passwordCredentials.personId, personId));
		const ended = await tx
			.delete(sessions)
			.where(and(eq(sessions.personId, personId), ne(sessions.tokenHash, hashToken(opts.sessionToken))))
			.returning({ tokenHash: sessions.tokenHash });
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'password.change',
			entityType: 'person',
			entityId: personId,
			changes: { password: ['(hidden)', '(changed)'], otherSessionsEnded: ended.length }
		});
	});
	await clearRateLimit(db, limitKey);
}
