import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { isUuid } from '../../ids';
import { openSecret } from '../../crypto/secrets';
import { deliverWebhook } from './deliver-webhook';

/**
 * "Skicka testhändelse": sends a `webhook.test` event to the subscription now, while the administrator waits, and
 * logs the attempt like any delivery. Returns the delivery (status, excerpt, error).
 */
export async function sendTestEvent(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; subscriptionId: string; allowPrivate?: boolean }
) {
	authorize(opts.actor, 'webhooks.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	if (!isUuid(opts.subscriptionId)) throw new AppError('NOT_FOUND', 'webhook');
	const [sub] = await db
		.select()
		.from(webhookSubscriptions)
		.where(
			and(
				eq(webhookSubscriptions.id, opts.subscriptionId),
				eq(webhookSubscriptions.organizerId, opts.organizerId),
				isNull(webhookSubscriptions.removedAt)
			)
		);
	if (!sub) throw new AppError('NOT_FOUND', 'webhook');
	const result = await deliverWebhook({
		url: sub.url,
		secret: openSecret(sub.secretSealed),
		event: { type: 'webhook.test', data: { subscriptionId: sub.id, sentBy: actor.name } },
		allowPrivate: opts.allowPrivate
	});
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(webhookDeliveries)
			.values({
				organizerId: opts.organizerId,
				subscriptionId: sub.id,
				messageId: result.messageId,
				eventType: 'webhook.test',
				status: result.status,
				bodyExcerpt: result.bodyExcerpt,
				error: result.error
			})
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'webhook.test',
			entityType: 'webhook_subscription',
			entityId: sub.id,
			changes: { status: result.status, ok: result.ok }
		});
		return { ...row, ok: result.ok };
	});
}
