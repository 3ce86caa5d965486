import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { deliverWebhook } from './deliver-webhook';
import { checkWebhookTarget } from './webhook-target';
import { newWebhookSecret } from './webhook-secret';

/** A local receiver: records each request's headers and raw body; /fail answers 500, everything else 204. */
let server: Server;
let base = '';
const received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			if (req.url?.startsWith('/fail')) {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end('Mottagaren är nere');
			} else {
				res.writeHead(204);
				res.end();
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const event = { type: 'case.created', data: { number: 7, title: 'Projektorn' } };

describe('webhook delivery', () => {
	it('signs per Standard Webhooks, so the library’s own verifier accepts the payload', async () => {
		const secret = newWebhookSecret();
		const result = await deliverWebhook({ url: `${base}/ok`, secret, event, allowPrivate: true });
		expect(result).toMatchObject({ ok: true, status: 204, error: null });
		const got = received.find((r) => r.headers['webhook-id'] === result.messageId)!;
		const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as { type: string; data: unknown };
		expect(verified).toMatchObject({ type: 'case.created', data: { number: 7, title: 'Projektorn' } });
		expect(() => new Webhook(newWebhookSecret()).verify(got.body, got.headers as Record<string, string>)).toThrow();
		expect(() => new Webhook(secret).verify(got.body.replace('7', '8'), got.headers as Record<string, string>)).toThrow();
	});

	it('reports a receiver’s 500 with the start of its answer, for the job to try again', async () => {
		const result = await deliverWebhook({ url: `${base}/fail`, secret: newWebhookSecret(), event, allowPrivate: true });
		expect(result).toMatchObject({ ok: false, status: 500, bodyExcerpt: 'Mottagaren är nere', error: 'HTTP 500' });
	});

	it('refuses to send to 127.0.0.1 unless private targets are allowed, and nothing reaches the receiver', async () => {
		const before = received.length;
		const result = await deliverWebhook({ url: `${base}/ok`, secret: newWebhookSecret(), event, allowPrivate: false });
		expect(result).toMatchObject({ ok: false, status: null });
		expect(received.length).toBe(before);
	});
});

describe('webhook targets', () => {
	const publicDns = async () => ['93.184.216.34'];
	it('takes a public http(s) address', async () => {
		expect((await checkWebhookTarget('https://hooks.exempel.se/in', { allowPrivate: false, resolve: publicDns })).hostname).toBe(
			'hooks.exempel.se'
		);
	});

	it('refuses other schemes and credentials in the address, beside the url field', async () => {
		for (const url of ['ftp://exempel.se/x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@exempel.se/'])
			await expect(checkWebhookTarget(url, { allowPrivate: false, resolve: publicDns }), url).rejects.toMatchObject({
				code: 'INVALID',
				issues: [{ field: 'url' }]
			});
	});

	it('refuses a name when any of its addresses is internal, and literal loopback and mapped addresses', async () => {
		const mixed = async () => ['93.184.216.34', '10.0.0.5'];
		await expect(checkWebhookTarget('https://rebind.exempel.se/', { allowPrivate: false, resolve: mixed })).rejects.toMatchObject({
			issues: [{ message: 'webhooks_error_private' }]
		});
		for (const url of [
			'http://127.0.0.1:8080/',
			'http://[::1]/',
			'http://[::ffff:127.0.0.1]/',
			'http://0.0.0.0/',
			'http://169.254.169.254/latest/'
		])
			await expect(checkWebhookTarget(url, { allowPrivate: false, resolve: publicDns }), url).rejects.toMatchObject({ code: 'INVALID' });
	});

	it('lets the system administrator allow internal targets', async () => {
		expect((await checkWebhookTarget('http://127.0.0.1:8080/', { allowPrivate: true })).port).toBe('8080');
	});
});
