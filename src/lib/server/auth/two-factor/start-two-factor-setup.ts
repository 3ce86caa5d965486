import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { twoFactorSecrets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { findHomeOrganizerId } from '../home-organizer';
import { newTotpSecret } from './totp';
import { sealSecret } from '../../crypto/secrets';

/**
 * A signed-in person begins setting up two-step verification for themself (the actor is the resource, as for
 * a password change): a new pending secret replaces any earlier pending one. Nothing changes at sign-in until
 * the set-up is confirmed with a first code. Refused while two-step verification is on.
 */
export async function startTwoFactorSetup(db: Db, opts: { actor: Actor | null }): Promise<void> {
	if (!opts.actor) throw new AppError('UNAUTHENTICATED', 'not signed in');
	const personId = opts.actor.personId;
	await db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ enabledAt: twoFactorSecrets.enabledAt })
			.from(twoFactorSecrets)
			.where(eq(twoFactorSecrets.personId, personId))
			.for('update');
		if (existing?.enabledAt) throw new AppError('CONFLICT', 'already on', [{ field: 'form', message: 'twofactor_error_already_on' }]);
		// Sealed at rest (decision 038): a copy of the database alone does not give away anyone's codes.
		const secret = sealSecret(newTotpSecret());
		await tx
			.insert(twoFactorSecrets)
			.values({ personId, secret })
			.onConflictDoUpdate({
				target: twoFactorSecrets.personId,
				set: { secret, enabledAt: null, lastUsedStep: null, createdAt: new Date() }
			});
		await recordAudit(tx, {
			organizerId: await findHomeOrganizerId(tx, personId),
			actorId: personId,
			action: 'two_factor.setup_start',
			entityType: 'person',
			entityId: personId
		});
	});
}
