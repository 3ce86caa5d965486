import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { pendingSignIns, people } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { clearRateLimit, hitRateLimit, isRateLimited } from '../rate-limit';
import { signInCounters, WINDOW_SECONDS, type SignInLimits } from '../sign-in';
import { hashToken } from '../tokens';
import { useTwoFactorCode } from './use-two-factor-code';

export type CompleteSignInOptions = { token: string; code: string; ip: string; limits: SignInLimits; now?: Date };

/**
 * The second step of a sign-in: the pending sign-in from the cookie and a code (one-time or recovery). A wrong or
 * reused code counts in the same three counters as a wrong password (decision 016) and is audited; once one is
 * full, every code is refused until the window ends. A right code ends the pending sign-in, clears the account's
 * counters and says how the person proved it (`password+totp` or `password+recovery`); the caller makes the
 * session. A pending sign-in that is unknown or too old is UNAUTHENTICATED with `twofactor_error_expired`.
 */
export async function completeSignInWithCode(db: Db, opts: CompleteSignInOptions): Promise<{ personId: string; method: string }> {
	const now = opts.now ?? new Date();
	if (!opts.token || opts.token.length > 200) throw expired();
	const tokenHash = hashToken(opts.token);
	const [pending] = await db
		.select({ personId: pendingSignIns.personId, email: people.email, status: people.status })
		.from(pendingSignIns)
		.innerJoin(people, eq(people.id, pendingSignIns.personId))
		.where(and(eq(pendingSignIns.tokenHash, tokenHash), gt(pendingSignIns.expiresAt, now)));
	if (!pending || pending.status !== 'active') throw expired();
	const counters = signInCounters(pending.email, opts.ip, opts.limits);
	for (const c of counters) {
		if (await isRateLimited(db, c.key, c.limit, WINDOW_SECONDS))
			throw new AppError('RATE_LIMITED', 'too many attempts', [{ field: 'code', message: 'signin_rate_limited' }]);
	}
	const result = await db.transaction(async (tx) => {
		const used = await useTwoFactorCode(tx, pending.personId, opts.code, now);
		if (used !== 'totp' && used !== 'recovery') return used;
		await tx.delete(pendingSignIns).where(eq(pendingSignIns.tokenHash, tokenHash));
		await tx.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
		const method = used === 'totp' ? 'password+totp' : 'password+recovery';
		if (used === 'recovery') {
			await recordAudit(tx, {
				organizerId: null,
				actorId: pending.personId,
				action: 'two_factor.recovery_used',
				entityType: 'person',
				entityId: pending.personId
			});
		}
		await recordAudit(tx, {
			organizerId: null,
			actorId: pending.personId,
			action: 'session.create',
			entityType: 'session',
			changes: { method }
		});
		return method;
	});
	if (result === 'wrong' || result === 'reused') {
		for (const c of counters) await hitRateLimit(db, c.key, c.limit, WINDOW_SECONDS);
		await recordAudit(db, {
			organizerId: null,
			actorId: pending.personId,
			action: 'two_factor.failed',
			entityType: 'session',
			changes: { reason: result }
		});
		const message = result === 'reused' ? 'twofactor_error_reused' : 'twofactor_error_code';
		throw new AppError('UNAUTHENTICATED', 'wrong code', [{ field: 'code', message }]);
	}
	await clearRateLimit(db, counters[0].key);
	await clearRateLimit(db, counters[1].key);
	return { personId: pending.personId, method: result };
}

const expired = () => new AppError('UNAUTHENTICATED', 'no pending sign-in', [{ field: 'code', message: 'twofactor_error_expired' }]);
