import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordCredentials, passwordResets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldIssue } from '../errors';
import { cancelPasswordResets } from './cancel-password-resets';
import { findHomeOrganizerId } from './home-organizer';
import { findUsablePasswordReset } from './find-password-reset';
import { newPasswordSchema, type NewPasswordInput } from './new-password-fields';
import { hashPassword } from './password';
import { deleteSessionsOfPerson } from './sessions';
import { hashToken } from './tokens';

/**
 * Sets a new password through a one-time reset link. The link is the proof of identity,
 * so there is no actor to authorize. A bad link → NOT_FOUND; a bad password → INVALID
 * (nothing changes). On success, in one transaction: the link and every other open link of
 * the person are spent, the password is replaced, all the person's sessions end, and
 * password.reset is audited.
 */
export async function resetPassword(db: Db, opts: { token: string } & NewPasswordInput): Promise<{ personId: string }> {
	if (!(await findUsablePasswordReset(db, opts.token))) throw new AppError('NOT_FOUND', 'reset link not usable');
	const parsed = newPasswordSchema.safeParse(opts);
	if (!parsed.success) {
		const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
		throw new AppError('INVALID', 'invalid password', issues);
	}
	const hash = await hashPassword(parsed.data.newPassword);
	return db.transaction(async (tx) => {
		const now = new Date();
		// Spend the link atomically: of two simultaneous uses only one gets a row back.
		const [spent] = await tx
			.update(passwordResets)
			.set({ usedAt: now })
			.where(and(eq(passwordResets.tokenHash, hashToken(opts.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
			.returning({ personId: passwordResets.personId });
		if (!spent) throw new AppError('NOT_FOUND', 'reset link not usable');
		const personId = spent.personId;
		await cancelPasswordResets(tx, personId, now);
		await tx
			.insert(passwordCredentials)
			.values({ personId, hash, updatedAt: now })
			.onConflictDoUpdate({ target: passwordCredentials.personId, set: { hash, updatedAt: now } });
		await deleteSessionsOfPerson(tx, personId);
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'password.reset',
			entityType: 'person',
			entityId: personId,
			changes: { password: ['(hidden)', '(changed)'], sessions: 'all ended' }
		});
		return { personId };
	});
}
