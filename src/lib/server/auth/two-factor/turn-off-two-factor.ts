import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { passwordCredentials } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { findHomeOrganizerId } from '../home-organizer';
import { verifyPassword } from '../password';
import { clearRateLimit, hitRateLimit, isRateLimited } from '../rate-limit';
import { looksLikeTotp } from './totp';
import { looksLikeRecoveryCode } from './recovery-codes';
import { removeTwoFactor } from './remove-two-factor';
import { useTwoFactorCode } from './use-two-factor-code';

const WINDOW_SECONDS = 15 * 60;

/**
 * A person turns their own two-step verification off, proving it is them with their current password or a
 * code (one-time or recovery; a password has at least 12 characters, so the two cannot be confused): a session left open on a shared computer is not enough. Wrong proofs are
 * rate-limited (5 in 15 minutes) so a stolen session cannot guess the password here.
 */
export async function turnOffTwoFactor(db: Db, opts: { actor: Actor | null; proof: string; limit?: number; now?: Date }): Promise<void> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	const limit = opts.limit ?? 5;
	const limitKey = `two-factor-off:${personId}`;
	if (await isRateLimited(db, limitKey, limit, WINDOW_SECONDS)) {
		throw new AppError('RATE_LIMITED', 'too many attempts', [{ field: 'proof', message: 'twofactor_error_rate_limited' }]);
	}
	const proof = opts.proof.trim();
	const ok = await db.transaction(async (tx) => {
		let proven: boolean;
		if (looksLikeTotp(proof) || looksLikeRecoveryCode(proof)) {
			proven = ['totp', 'recovery'].includes(await useTwoFactorCode(tx, personId, proof, opts.now));
		} else {
			const [credential] = await tx
				.select({ hash: passwordCredentials.hash })
				.from(passwordCredentials)
				.where(eq(passwordCredentials.personId, personId));
			proven = credential ? await verifyPassword(credential.hash, opts.proof) : false;
		}
		if (!proven) return false;
		if (!(await removeTwoFactor(tx, personId)))
			throw new AppError('CONFLICT', 'not on', [{ field: 'proof', message: 'twofactor_error_not_on' }]);
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'two_factor.disable',
			entityType: 'person',
			entityId: personId
		});
		return true;
	});
	if (!ok) {
		await hitRateLimit(db, limitKey, limit, WINDOW_SECONDS);
		throw new AppError('INVALID', 'wrong proof', [{ field: 'proof', message: 'twofactor_error_proof' }]);
	}
	await clearRateLimit(db, limitKey);
}
