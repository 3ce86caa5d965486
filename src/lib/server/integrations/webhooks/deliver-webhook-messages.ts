import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookDeliveries } from '../../db/schema';
import { drainRetryingOutbox } from '../../db/drain-retrying-outbox';
import { openSecret } from '../../crypto/secrets';
import { deliverWebhook, type DeliveryResult } from './deliver-webhook';

type Claimed = {
	id: number;
	organizer_id: string;
	subscription_id: string;
	message_id: string;
	event_type: string;
	data: unknown;
	attempts: number;
	created_at: string | Date;
	url: string | null;
	secret_sealed: string | null;
	removed_at: unknown;
};

/**
 * The webhook job (every minute): sends each due message, signed, to its subscription's address as saved now; a
 * 2xx answer is success. Claiming, retries and their backoff are the retrying outbox's (`drainRetryingOutbox`).
 * Every attempt is logged in webhook_deliveries. A removed subscription's messages are given up unsent.
 */
export async function deliverWebhookMessages(
	db: Db,
	opts: { now?: Date; limit?: number; allowPrivate?: boolean; send?: typeof deliverWebhook } = {}
): Promise<{ sent: number; failed: number }> {
	const send = opts.send ?? deliverWebhook;
	return drainRetryingOutbox<Claimed>(db, {
		table: 'webhook_messages',
		returning: sql`id, organizer_id, subscription_id, message_id, event_type, data, attempts, created_at`,
		select: sql`SELECT c.*, s.url, s.secret_sealed, s.removed_at
			FROM claimed c LEFT JOIN webhook_subscriptions s ON s.id = c.subscription_id`,
		now: opts.now,
		limit: opts.limit,
		send: async (row) => {
			if (!row.url || !row.secret_sealed || row.removed_at) return { ok: false, error: 'subscription removed', giveUp: true };
			const data = (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>;
			const outcome: DeliveryResult & { ok: boolean } = await send({
				url: row.url,
				secret: openSecret(row.secret_sealed),
				event: { type: row.event_type, data },
				messageId: row.message_id,
				allowPrivate: opts.allowPrivate
			});
			await db.insert(webhookDeliveries).values({
				organizerId: row.organizer_id,
				subscriptionId: row.subscription_id,
				messageId: row.message_id,
				eventType: row.event_type,
				status: outcome.status,
				bodyExcerpt: outcome.bodyExcerpt,
				error: outcome.error
			});
			return outcome.ok ? { ok: true } : { ok: false, error: outcome.error ?? 'failed' };
		}
	});
}
