import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookMessages, webhookSubscriptions } from '../../db/schema';
import type { WebhookEventType } from './events';

/**
 * Puts one event in the webhook outbox for every active subscription of the organizer that wants it, in the
 * caller's transaction (so an event is sent only if its change was saved). The delivery job sends them.
 */
export async function queueWebhookEvent(tx: Db, opts: { organizerId: string; type: WebhookEventType; data: Record<string, unknown> }) {
	const subs = await tx
		.select({ id: webhookSubscriptions.id })
		.from(webhookSubscriptions)
		.where(
			and(
				eq(webhookSubscriptions.organizerId, opts.organizerId),
				isNull(webhookSubscriptions.removedAt),
				sql`${webhookSubscriptions.events} @> ${JSON.stringify([opts.type])}::jsonb`
			)
		);
	if (!subs.length) return 0;
	await tx.insert(webhookMessages).values(
		subs.map((s) => ({
			organizerId: opts.organizerId,
			subscriptionId: s.id,
			messageId: `msg_${randomUUID()}`,
			eventType: opts.type,
			data: opts.data
		}))
	);
	return subs.length;
}
