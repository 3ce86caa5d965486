import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { webhookDeliveries, webhookMessages } from '../../db/schema';
import { rowsOf } from '../../db/rows';
import { openSecret } from '../../crypto/secrets';
import { nextAttemptAfter, CLAIM_MINUTES, MAX_ATTEMPTS, SENDING } from '../../mail/deliver-outbox';
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
 * 2xx answer is success; anything else is retried after 1, 5, 30, 120 and 720 minutes (the mail outbox's backoff),
 * then kept with its error. Every attempt is logged in webhook_deliveries. Claimed with UPDATE … SKIP LOCKED, so
 * parallel runs never send one twice and no transaction is held during the request. A removed subscription's
 * messages are dropped unsent.
 */
export async function deliverWebhookMessages(
	db: Db,
	opts: { now?: Date; limit?: number; allowPrivate?: boolean; send?: typeof deliverWebhook } = {}
): Promise<{ sent: number; failed: number }> {
	const send = opts.send ?? deliverWebhook;
	const clock = () => opts.now ?? new Date();
	let sent = 0;
	let failed = 0;
	for (let i = 0; i < (opts.limit ?? 100); i++) {
		const now = clock();
		const claimEnds = new Date(now.getTime() + CLAIM_MINUTES * 60_000);
		const result = await db.execute(sql`
			WITH claimed AS (
				UPDATE webhook_messages SET error = ${SENDING}, attempts = attempts + 1, next_attempt_at = ${claimEnds}::timestamptz
				WHERE id = (
					SELECT id FROM webhook_messages
					WHERE sent_at IS NULL AND attempts < ${MAX_ATTEMPTS}
						AND (error IS NULL OR next_attempt_at <= ${now}::timestamptz)
					ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
				)
				RETURNING id, organizer_id, subscription_id, message_id, event_type, data, attempts, created_at
			)
			SELECT c.*, s.url, s.secret_sealed, s.removed_at
			FROM claimed c LEFT JOIN webhook_subscriptions s ON s.id = c.subscription_id`);
		const row = rowsOf<Claimed>(result)[0];
		if (!row) break;
		const id = Number(row.id);
		if (!row.url || !row.secret_sealed || row.removed_at) {
			await db
				.update(webhookMessages)
				.set({ error: 'subscription removed', nextAttemptAt: null, attempts: MAX_ATTEMPTS })
				.where(eq(webhookMessages.id, id));
			continue;
		}
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
		if (outcome.ok) {
			await db.update(webhookMessages).set({ sentAt: clock(), error: null, nextAttemptAt: null }).where(eq(webhookMessages.id, id));
			sent++;
		} else {
			const attempts = Number(row.attempts);
			await db
				.update(webhookMessages)
				.set({ error: outcome.error ?? 'failed', nextAttemptAt: nextAttemptAfter(attempts, clock()) })
				.where(eq(webhookMessages.id, id));
			failed++;
		}
	}
	return { sent, failed };
}
