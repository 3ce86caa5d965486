import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { randomUUID } from 'node:crypto';
import type { LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { env } from '../../env';
import { isForbiddenAddress } from './address-ranges';
import { checkWebhookTarget } from './webhook-target';

/** How long a receiver has to answer. */
const TIMEOUT_MS = 10_000;
/** How much of a receiver's answer the delivery log keeps. */
const EXCERPT_CHARS = 500;

/** One event as sent: Standard Webhooks' recommended envelope (type, timestamp, data). */
export type WebhookEvent = { type: string; data: Record<string, unknown> };

export type DeliveryResult = { messageId: string; status: number | null; bodyExcerpt: string; error: string | null };

/**
 * A DNS lookup that refuses forbidden addresses at connect time, so a name that resolves to a public address when
 * checked and to a private one a moment later (DNS rebinding) is still refused.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
	dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
		if (err) return callback(err, '', 0);
		const list = addresses as unknown as LookupAddress[];
		if (!list.length || list.some((a) => isForbiddenAddress(a.address))) {
			return callback(Object.assign(new Error('webhook target resolves to a forbidden address'), { code: 'EFORBIDDEN' }), '', 0);
		}
		if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
		callback(null, list[0].address, list[0].family);
	});
};

function post(url: URL, body: string, headers: Record<string, string>, allowPrivate: boolean) {
	const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
	const options: RequestOptions = {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
		timeout: TIMEOUT_MS,
		...(allowPrivate ? {} : { lookup: guardedLookup })
	};
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const req = send(url, options, (res) => {
			const chunks: Buffer[] = [];
			let size = 0;
			res.on('data', (c: Buffer) => {
				// Only the beginning is kept; the rest is read and dropped so the connection ends cleanly.
				if (size < EXCERPT_CHARS * 4) chunks.push(c);
				size += c.length;
			});
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * Sends one event to a webhook, signed per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature with
 * the subscription's `whsec_` secret). The address is checked again first (decision 052), and the connection's own
 * DNS lookup refuses forbidden addresses too. Never throws: the result says the status (null when no answer came),
 * the beginning of the answer and what went wrong; a caller retries when `ok` is false. Redirects are not followed.
 */
export async function deliverWebhook(opts: {
	url: string;
	secret: string;
	event: WebhookEvent;
	messageId?: string;
	allowPrivate?: boolean;
	now?: Date;
}): Promise<DeliveryResult & { ok: boolean }> {
	const messageId = opts.messageId ?? `msg_${randomUUID()}`;
	const allowPrivate = opts.allowPrivate ?? env.WEBHOOKS_ALLOW_PRIVATE;
	const now = opts.now ?? new Date();
	const body = JSON.stringify({ type: opts.event.type, timestamp: now.toISOString(), data: opts.event.data });
	try {
		const url = await checkWebhookTarget(opts.url, { allowPrivate });
		const signature = new Webhook(opts.secret).sign(messageId, now, body);
		const headers = {
			'webhook-id': messageId,
			'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
			'webhook-signature': signature,
			'user-agent': 'Rodtrad-Webhooks/1'
		};
		const res = await post(url, body, headers, allowPrivate);
		const ok = res.status >= 200 && res.status < 300;
		return { messageId, ok, status: res.status, bodyExcerpt: res.text.slice(0, EXCERPT_CHARS), error: ok ? null : `HTTP ${res.status}` };
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		return { messageId, ok: false, status: null, bodyExcerpt: '', error: message.slice(0, EXCERPT_CHARS) };
	}
}
