/**
 * A local stand-in for Microsoft Teams Workflows and Google Chat webhooks, started by the tests (db specs and
 * e2e, decision 026). POST /teams/<name> answers 202 to an Adaptive Card in the Workflows envelope; POST
 * /chat/<name> answers 200 to a cardsV2 message with a thread key, sent with messageReplyOption; anything
 * else, or a wrong shape, answers 400; /fail/<name> always answers 500. Every request is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedPost = { path: string; query: Record<string, string>; body: Record<string, unknown>; status: number };

type Card = {
	type?: string;
	attachments?: {
		contentType?: string;
		content?: { type?: string; version?: string; body?: unknown[]; actions?: { type?: string; url?: string }[] };
	}[];
};
type Chat = { thread?: { threadKey?: string }; cardsV2?: { card?: { header?: unknown; sections?: unknown[] } }[] };

/** Whether a body is a Workflows "message with attachments" holding one Adaptive Card with an open-URL action. */
export function isTeamsCard(body: unknown): boolean {
	const b = body as Card;
	const content = b?.attachments?.[0]?.content;
	return (
		b?.type === 'message' &&
		b.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive' &&
		content?.type === 'AdaptiveCard' &&
		content.version === '1.4' &&
		Array.isArray(content.body) &&
		content.actions?.[0]?.type === 'Action.OpenUrl' &&
		typeof content.actions[0].url === 'string'
	);
}

/** Whether a body is a Google Chat cardsV2 message in a named thread. */
export function isChatCard(body: unknown, query: Record<string, string>): boolean {
	const b = body as Chat;
	return (
		typeof b?.thread?.threadKey === 'string' &&
		b.thread.threadKey.length > 0 &&
		Array.isArray(b.cardsV2) &&
		!!b.cardsV2[0]?.card?.header &&
		query.messageReplyOption === 'REPLY_MESSAGE_FALLBACK_TO_NEW_THREAD'
	);
}

export type WebhookReceiver = { url: (path: string) => string; received: ReceivedPost[]; close: () => Promise<void> };

/** Starts the receiver on 127.0.0.1 (a free port unless given). */
export async function startWebhookReceiver(port = 0): Promise<WebhookReceiver> {
	const received: ReceivedPost[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const query = Object.fromEntries(url.searchParams);
			let body: Record<string, unknown> = {};
			try {
				body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
			} catch {
				/* recorded as {} and refused below */
			}
			let status = 400;
			if (req.method === 'POST' && url.pathname.startsWith('/teams/') && isTeamsCard(body)) status = 202;
			else if (req.method === 'POST' && url.pathname.startsWith('/chat/') && isChatCard(body, query)) status = 200;
			else if (url.pathname.startsWith('/fail/')) status = 500;
			received.push({ path: url.pathname, query, body, status });
			res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actual = (server.address() as AddressInfo).port;
	return {
		url: (path) => `http://127.0.0.1:${actual}${path}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
