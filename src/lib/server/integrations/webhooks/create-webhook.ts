import { z } from 'zod';
import type { Db } from '../../db';
import { webhookSubscriptions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { sealSecret } from '../../crypto/secrets';
import { WEBHOOK_EVENTS } from './events';
import { checkWebhookTarget, type Resolve } from './webhook-target';
import { newWebhookSecret } from './webhook-secret';

/** The subscription form. Messages are message keys. */
export const webhookSchema = z.object({
	url: z.string().trim().min(1, 'webhooks_error_url').max(2000, 'webhooks_error_url'),
	events: z.array(z.enum(WEBHOOK_EVENTS, { message: 'webhooks_error_events' })).min(1, 'webhooks_error_events')
});
/** What the form sends (parsed with webhookSchema). */
export type WebhookInput = { url?: unknown; events?: unknown };

/**
 * Subscribes an address to events (administrators). The address is checked against the SSRF guard now and again at
 * every delivery. The signing secret is returned once, for the page to show, and stored sealed. Audited without it.
 */
export async function createWebhook(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: WebhookInput; allowPrivate?: boolean; resolve?: Resolve }
) {
	authorize(opts.actor, 'webhooks.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(webhookSchema, opts.input, 'Ogiltig webhook');
	const url = await checkWebhookTarget(input.url, { allowPrivate: opts.allowPrivate, resolve: opts.resolve });
	const secret = newWebhookSecret();
	const events = [...new Set(input.events)];
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(webhookSubscriptions)
			.values({ organizerId: opts.organizerId, url: url.href, events, secretSealed: sealSecret(secret), createdById: actor.personId })
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'webhook.create',
			entityType: 'webhook_subscription',
			entityId: row.id,
			changes: { url: row.url, events }
		});
		return { subscription: row, secret };
	});
}
