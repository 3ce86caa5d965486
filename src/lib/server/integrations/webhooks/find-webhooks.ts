import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import { authorize, type Actor } from '../../policies';

/** How many of a subscription's latest deliveries the page lists. */
const LOG_SIZE = 10;

/** The organizer's active subscriptions, newest first, each with its latest deliveries (never the secret). */
export async function findWebhooks(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'webhooks.manage', { type: 'organizer', organizerId: opts.organizerId });
	const subs = await db
		.select({
			id: webhookSubscriptions.id,
			url: webhookSubscriptions.url,
			events: webhookSubscriptions.events,
			createdAt: webhookSubscriptions.createdAt
		})
		.from(webhookSubscriptions)
		.where(and(eq(webhookSubscriptions.organizerId, opts.organizerId), isNull(webhookSubscriptions.removedAt)))
		.orderBy(desc(webhookSubscriptions.createdAt));
	const deliveries = subs.length
		? await db
				.select()
				.from(webhookDeliveries)
				.where(
					and(
						eq(webhookDeliveries.organizerId, opts.organizerId),
						inArray(
							webhookDeliveries.subscriptionId,
							subs.map((s) => s.id)
						)
					)
				)
				.orderBy(desc(webhookDeliveries.createdAt))
		: [];
	return subs.map((s) => ({
		id: s.id,
		url: s.url,
		events: s.events,
		createdAt: s.createdAt.toISOString(),
		deliveries: deliveries
			.filter((d) => d.subscriptionId === s.id)
			.slice(0, LOG_SIZE)
			.map((d) => ({
				id: d.id,
				eventType: d.eventType,
				status: d.status,
				bodyExcerpt: d.bodyExcerpt,
				error: d.error,
				at: d.createdAt.toISOString()
			}))
	}));
}
