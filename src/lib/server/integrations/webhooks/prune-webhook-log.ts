import { and, gte, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookDeliveries, webhookMessages } from '../../db/schema';
import { MAX_ATTEMPTS } from '../../mail/deliver-outbox';

/** How long the delivery log and finished messages are kept (decision 052, addendum). */
export const WEBHOOK_LOG_DAYS = 30;

/**
 * The daily clean-up of the webhook outbox: delivery attempts older than WEBHOOK_LOG_DAYS, and messages of that age
 * that are done (sent, or given up after the last retry). A message still being retried is never removed.
 */
export async function pruneWebhookLog(db: Db, now: Date): Promise<{ deliveries: number; messages: number }> {
	const cutoff = new Date(now.getTime() - WEBHOOK_LOG_DAYS * 86_400_000);
	const deliveries = await db
		.delete(webhookDeliveries)
		.where(lt(webhookDeliveries.createdAt, cutoff))
		.returning({ id: webhookDeliveries.id });
	const messages = await db
		.delete(webhookMessages)
		.where(
			and(
				lt(webhookMessages.createdAt, cutoff),
				or(isNotNull(webhookMessages.sentAt), and(gte(webhookMessages.attempts, MAX_ATTEMPTS), isNull(webhookMessages.nextAttemptAt)))
			)
		)
		.returning({ id: webhookMessages.id });
	return { deliveries: deliveries.length, messages: messages.length };
}
