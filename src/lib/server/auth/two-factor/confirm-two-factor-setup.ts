import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorRecoveryCodes, twoFactorSecrets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { findHomeOrganizerId } from '../home-organizer';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { matchTotpStep } from './totp';
import { readStoredSecret } from '../../crypto/secrets';

/**
 * Turns two-step verification on with the first code from the person's app, which proves the app holds the
 * pending secret. Returns ten new recovery codes, the only time they are shown (only their hashes are kept).
 * The code's step counts as used, so the same code cannot then sign in.
 */
export async function confirmTwoFactorSetup(
	db: Db,
	opts: { actor: Actor | null; code: string; now?: Date }
): Promise<{ recoveryCodes: string[] }> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const [pending] = await tx.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.personId, personId)).for('update');
		if (!pending) throw new AppError('CONFLICT', 'no set-up begun', [{ field: 'code', message: 'twofactor_error_not_started' }]);
		if (pending.enabledAt) throw new AppError('CONFLICT', 'already on', [{ field: 'code', message: 'twofactor_error_already_on' }]);
		const step = matchTotpStep(readStoredSecret(pending.secret), opts.code, now);
		if (step === null) throw new AppError('INVALID', 'wrong code', [{ field: 'code', message: 'twofactor_error_code' }]);
		await tx.update(twoFactorSecrets).set({ enabledAt: now, lastUsedStep: step }).where(eq(twoFactorSecrets.personId, personId));
		const recoveryCodes = newRecoveryCodes();
		await tx.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.personId, personId));
		await tx.insert(twoFactorRecoveryCodes).values(recoveryCodes.map((c) => ({ personId, codeHash: hashRecoveryCode(c) })));
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'two_factor.enable',
			entityType: 'person',
			entityId: personId,
			changes: { recoveryCodes: recoveryCodes.length }
		});
		return { recoveryCodes };
	});
}
