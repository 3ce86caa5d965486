import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookSubscriptions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { isUuid } from '../../ids';

/** Stops a subscription (kept, with its deliveries). Another organizer's is NOT_FOUND. */
export async function removeWebhook(db: Db, opts: { actor: Actor | null; organizerId: string; subscriptionId: string }) {
	authorize(opts.actor, 'webhooks.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.subscriptionId)) throw new AppError('NOT_FOUND', 'webhook');
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(webhookSubscriptions)
			.set({ removedAt: new Date() })
			.where(
				and(
					eq(webhookSubscriptions.id, opts.subscriptionId),
					eq(webhookSubscriptions.organizerId, opts.organizerId),
					isNull(webhookSubscriptions.removedAt)
				)
			)
			.returning();
		if (!row) throw new AppError('NOT_FOUND', 'webhook');
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'webhook.remove',
			entityType: 'webhook_subscription',
			entityId: row.id,
			changes: { url: row.url }
		});
		return row;
	});
}
