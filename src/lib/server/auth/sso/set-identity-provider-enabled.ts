import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { isUuid } from '../../ids';
import { identityProviders } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';

/**
 * Switches one of the organizer's providers off (no one can start a sign-in through it, nor finish one begun before)
 * or on again. Nothing is deleted: the links from accounts to people stay for when it is switched on.
 * Audited as sso.provider_disable / sso.provider_enable when it changes.
 */
export async function setIdentityProviderEnabled(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; providerId: string; enabled: boolean }
): Promise<void> {
	const { actor, organizerId, providerId, enabled } = opts;
	authorize(actor, 'sso.manage', { type: 'organizer', organizerId });
	if (!isUuid(providerId)) throw new AppError('NOT_FOUND', 'identity provider');
	await db.transaction(async (tx) => {
		const [row] = await tx
			.select({ enabled: identityProviders.enabled })
			.from(identityProviders)
			.where(and(eq(identityProviders.id, providerId), eq(identityProviders.organizerId, organizerId)))
			.for('update');
		if (!row) throw new AppError('NOT_FOUND', 'identity provider');
		if (row.enabled === enabled) return;
		await tx.update(identityProviders).set({ enabled, updatedAt: new Date() }).where(eq(identityProviders.id, providerId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: enabled ? 'sso.provider_enable' : 'sso.provider_disable',
			entityType: 'identity_provider',
			entityId: providerId,
			changes: { enabled: [row.enabled, enabled] }
		});
	});
}
