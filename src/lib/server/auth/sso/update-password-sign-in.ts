import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { organizers } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseSignInSettings } from './password-policy';

/**
 * The organizer's administrator allows or forbids password sign-in for its people (organizers.settings.signIn, the
 * other settings kept). Audited as sso.password_policy when it changes.
 */
export async function updatePasswordSignIn(db: Db, opts: { actor: Actor | null; organizerId: string; allowed: boolean }) {
	const { actor, organizerId, allowed } = opts;
	authorize(actor, 'sso.manage', { type: 'organizer', organizerId });
	await db.transaction(async (tx) => {
		const [org] = await tx.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, organizerId)).for('update');
		if (!org) throw new AppError('NOT_FOUND', 'organizer');
		const before = parseSignInSettings(org.settings.signIn);
		if (before.passwordAllowed === allowed) return;
		const signIn = { ...(org.settings.signIn as object | undefined), passwordAllowed: allowed };
		await tx
			.update(organizers)
			.set({ settings: { ...org.settings, signIn }, updatedAt: new Date() })
			.where(eq(organizers.id, organizerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'sso.password_policy',
			entityType: 'organizer',
			entityId: organizerId,
			changes: { passwordAllowed: [before.passwordAllowed, allowed] }
		});
	});
}
