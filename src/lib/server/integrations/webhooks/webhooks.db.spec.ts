import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrgAdmin, buildTicket } from '../../../../../tests/factories';
import { auditEvents, webhookDeliveries, webhookMessages, webhookSubscriptions } from '../../db/schema';
import { deliverWebhookMessages } from './deliver-webhook-messages';
import { createWebhook } from './create-webhook';
import { findWebhooks } from './find-webhooks';
import { removeWebhook } from './remove-webhook';
import { sendTestEvent } from './send-test-event';
import { pruneWebhookLog, WEBHOOK_LOG_DAYS } from './prune-webhook-log';
import { MAX_ATTEMPTS } from '../../mail/deliver-outbox';

const t = useTestDatabase();

/** A local receiver: records headers and raw body; /fail answers 500. */
let server: Server;
let base = '';
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(req.url?.startsWith('/fail') ? 500 : 200, { 'content-type': 'text/plain' });
			res.end(req.url?.startsWith('/fail') ? 'Trasigt' : 'Tack');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('webhook subscriptions', () => {
	it('refuses an address on 127.0.0.1 by default, beside the field, and writes nothing', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await expect(
			createWebhook(t.db, { actor, organizerId: organizer.id, input: { url: `${base}/in`, events: ['case.created'] }, allowPrivate: false })
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'url', message: 'webhooks_error_private' }] });
		expect(await t.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.organizerId, organizer.id))).toHaveLength(0);
	});

	it('keeps webhooks to administrators', async () => {
		const { organizer } = await buildOrgAdmin(t.db);
		const principal = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
		await expect(
			createWebhook(t.db, { actor: principal, organizerId: organizer.id, input: { url: 'https://exempel.se/', events: ['case.created'] } })
		).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('stores the secret sealed, sends a test event the library verifies, logs it, and audits the steps', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const { subscription, secret } = await createWebhook(t.db, {
			actor,
			organizerId: organizer.id,
			input: { url: `${base}/in`, events: ['case.created', 'case.solved'] },
			allowPrivate: true
		});
		expect(secret).toMatch(/^whsec_/);
		expect(subscription.secretSealed).not.toContain(secret.slice(6));
		const delivery = await sendTestEvent(t.db, { actor, organizerId: organizer.id, subscriptionId: subscription.id, allowPrivate: true });
		expect(delivery).toMatchObject({ ok: true, status: 200, bodyExcerpt: 'Tack' });
		const got = received.find((r) => r.headers['webhook-id'] === delivery.messageId)!;
		expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({
			type: 'webhook.test',
			data: { subscriptionId: subscription.id }
		});
		const [listed] = await findWebhooks(t.db, { actor, organizerId: organizer.id });
		expect(listed.deliveries[0]).toMatchObject({ eventType: 'webhook.test', status: 200 });
		expect(JSON.stringify(listed)).not.toContain(secret);
		const audit = await t.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, subscription.id), eq(auditEvents.organizerId, organizer.id)));
		expect(audit.map((a) => a.action).sort()).toEqual(['webhook.create', 'webhook.test']);
	});

	it('logs a receiver’s 500 with the start of its answer, and refuses a private target at delivery time', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const { subscription } = await createWebhook(t.db, {
			actor,
			organizerId: organizer.id,
			input: { url: `${base}/fail`, events: ['case.created'] },
			allowPrivate: true
		});
		const failed = await sendTestEvent(t.db, { actor, organizerId: organizer.id, subscriptionId: subscription.id, allowPrivate: true });
		expect(failed).toMatchObject({ ok: false, status: 500, bodyExcerpt: 'Trasigt' });
		const before = received.length;
		const refused = await sendTestEvent(t.db, { actor, organizerId: organizer.id, subscriptionId: subscription.id, allowPrivate: false });
		expect(refused).toMatchObject({ ok: false, status: null });
		expect(received.length).toBe(before);
		const log = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscription.id));
		expect(log).toHaveLength(2);
	});

	it('treats another organizer’s subscription as not there, and stops a removed one', async () => {
		const a = await buildOrgAdmin(t.db);
		const b = await buildOrgAdmin(t.db);
		const { subscription } = await createWebhook(t.db, {
			actor: a.actor,
			organizerId: a.organizer.id,
			input: { url: `${base}/in`, events: ['case.created'] },
			allowPrivate: true
		});
		await expect(
			sendTestEvent(t.db, { actor: b.actor, organizerId: b.organizer.id, subscriptionId: subscription.id })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(
			removeWebhook(t.db, { actor: b.actor, organizerId: b.organizer.id, subscriptionId: subscription.id })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await removeWebhook(t.db, { actor: a.actor, organizerId: a.organizer.id, subscriptionId: subscription.id });
		expect(await findWebhooks(t.db, { actor: a.actor, organizerId: a.organizer.id })).toHaveLength(0);
	});
});

describe('case events', () => {
	it('queues case.created when a case is filed, in its transaction, and the job delivers it signed', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const { subscription, secret } = await createWebhook(t.db, {
			actor,
			organizerId: organizer.id,
			input: { url: `${base}/in`, events: ['case.created'] },
			allowPrivate: true
		});
		const { ticket } = await buildTicket(t.db, { organizerId: organizer.id });
		const queued = await t.db.select().from(webhookMessages).where(eq(webhookMessages.subscriptionId, subscription.id));
		expect(queued.map((q) => q.eventType)).toEqual(['case.created']);
		expect(queued[0].data).toMatchObject({ number: ticket.number, status: 'new' });
		await deliverWebhookMessages(t.db, { allowPrivate: true });
		const got = received.find((r) => r.headers['webhook-id'] === queued[0].messageId)!;
		expect(new Webhook(secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({
			type: 'case.created',
			data: { number: ticket.number }
		});
		const [sent] = await t.db.select().from(webhookMessages).where(eq(webhookMessages.id, queued[0].id));
		expect(sent.sentAt).toBeInstanceOf(Date);
	});

	it('retries a message the receiver answers with 500, with backoff, logging each attempt', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const { subscription } = await createWebhook(t.db, {
			actor,
			organizerId: organizer.id,
			input: { url: `${base}/fail`, events: ['case.created'] },
			allowPrivate: true
		});
		await buildTicket(t.db, { organizerId: organizer.id });
		const start = new Date();
		await deliverWebhookMessages(t.db, { allowPrivate: true, now: start });
		const [first] = await t.db.select().from(webhookMessages).where(eq(webhookMessages.subscriptionId, subscription.id));
		expect(first).toMatchObject({ attempts: 1, error: 'HTTP 500', sentAt: null });
		expect(first.nextAttemptAt!.getTime() - start.getTime()).toBe(60_000);
		// Not due yet: nothing is sent again.
		await deliverWebhookMessages(t.db, { allowPrivate: true, now: new Date(start.getTime() + 30_000) });
		await deliverWebhookMessages(t.db, { allowPrivate: true, now: new Date(start.getTime() + 61_000) });
		const [second] = await t.db.select().from(webhookMessages).where(eq(webhookMessages.subscriptionId, subscription.id));
		expect(second.attempts).toBe(2);
		expect(second.nextAttemptAt!.getTime() - (start.getTime() + 61_000)).toBe(5 * 60_000);
		const log = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscription.id));
		expect(log.map((l) => l.status)).toEqual([500, 500]);
	});
});

describe('the daily clean-up', () => {
	it('removes month-old attempts and finished messages, and keeps what is recent or still being retried', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const { subscription } = await createWebhook(t.db, {
			actor,
			organizerId: organizer.id,
			input: { url: 'https://mottagare.example/in', events: ['case.created'] },
			allowPrivate: true
		});
		const now = new Date();
		const old = new Date(now.getTime() - (WEBHOOK_LOG_DAYS + 1) * 86_400_000);
		const fresh = new Date(now.getTime() - (WEBHOOK_LOG_DAYS - 1) * 86_400_000);
		const message = (id: string, createdAt: Date, rest: Partial<typeof webhookMessages.$inferInsert>) => ({
			organizerId: organizer.id,
			subscriptionId: subscription.id,
			messageId: id,
			eventType: 'case.created',
			data: {},
			createdAt,
			...rest
		});
		await t.db
			.insert(webhookMessages)
			.values([
				message('old-sent', old, { sentAt: old, attempts: 1 }),
				message('old-given-up', old, { attempts: MAX_ATTEMPTS, error: 'HTTP 500', nextAttemptAt: null }),
				message('old-retrying', old, { attempts: 3, error: 'HTTP 500', nextAttemptAt: now }),
				message('fresh-sent', fresh, { sentAt: fresh, attempts: 1 })
			]);
		const attempt = { organizerId: organizer.id, subscriptionId: subscription.id, eventType: 'case.created', status: 200 };
		await t.db.insert(webhookDeliveries).values([
			{ ...attempt, messageId: 'old-sent', createdAt: old },
			{ ...attempt, messageId: 'fresh-sent', createdAt: fresh }
		]);

		const pruned = await pruneWebhookLog(t.db, now);
		expect(pruned.messages).toBeGreaterThanOrEqual(2);
		const left = await t.db.select().from(webhookMessages).where(eq(webhookMessages.subscriptionId, subscription.id));
		expect(left.map((m) => m.messageId).sort()).toEqual(['fresh-sent', 'old-retrying']);
		const log = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscription.id));
		expect(log.map((l) => l.messageId)).toEqual(['fresh-sent']);
	});
});
