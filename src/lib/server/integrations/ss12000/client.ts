import { z } from 'zod';

/** A failure talking to the SS 12000 server: a timeout, an HTTP error or a page that does not parse. */
export class Ss12000Error extends Error {
	constructor(
		message: string,
		readonly kind: 'timeout' | 'http' | 'malformed' | 'network'
	) {
		super(message);
	}
}

export type Ss12000Auth = { kind: 'bearer'; token: string } | { kind: 'oauth2'; tokenUrl: string; clientId: string; secret: string };

export type Ss12000ClientOptions = {
	baseUrl: string;
	auth: Ss12000Auth;
	/** Per request; a page that takes longer fails the run at that page (it resumes there). */
	timeoutMs?: number;
	/** Entities per page asked for. */
	limit?: number;
};

export type Ss12000Page<T> = { data: T; pageToken: string | null };

/** Query parameters; arrays repeat the name (entities=Person&entities=Duty), as the standard's form style does. */
export type Query = Record<string, string | string[] | undefined>;

/**
 * A small client for an SS 12000 2.1 server: GET a page with `limit` + `pageToken`, with a timeout, parsed by the
 * caller's zod schema. With a page token the other filters are left out, as the standard requires.
 */
export function createSs12000Client(options: Ss12000ClientOptions) {
	const timeoutMs = options.timeoutMs ?? 30_000;
	const limit = options.limit ?? 1000;
	const base = options.baseUrl.replace(/\/+$/, '');
	let token: { value: string; until: number } | null = null;

	async function send(url: string, init: RequestInit): Promise<Response> {
		try {
			return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
		} catch (e) {
			const name = (e as Error)?.name;
			if (name === 'TimeoutError' || name === 'AbortError') throw new Ss12000Error(`timeout after ${timeoutMs} ms: ${url}`, 'timeout');
			throw new Ss12000Error(`cannot reach ${url}: ${(e as Error)?.message}`, 'network');
		}
	}

	async function bearer(): Promise<string> {
		const auth = options.auth;
		if (auth.kind === 'bearer') return auth.token;
		if (token && token.until > Date.now()) return token.value;
		const res = await send(auth.tokenUrl, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from(`${encodeURIComponent(auth.clientId)}:${encodeURIComponent(auth.secret)}`).toString('base64')}`
			},
			body: 'grant_type=client_credentials'
		});
		if (!res.ok) throw new Ss12000Error(`token endpoint answered ${res.status}`, 'http');
		const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
		if (!body || typeof body.access_token !== 'string') throw new Ss12000Error('token endpoint gave no access_token', 'malformed');
		const seconds = typeof body.expires_in === 'number' ? body.expires_in : 300;
		token = { value: body.access_token, until: Date.now() + Math.max(10, seconds - 30) * 1000 };
		return token.value;
	}

	/** One page of `path`. `query` applies to the first page only; later pages send only the token and the limit. */
	async function page<S extends z.ZodTypeAny>(path: string, schema: S, query: Query, pageToken: string | null): Promise<z.infer<S>> {
		const params = new URLSearchParams({ limit: String(limit) });
		if (pageToken) params.set('pageToken', pageToken);
		else
			for (const [k, v] of Object.entries(query))
				for (const one of v === undefined ? [] : Array.isArray(v) ? v : [v]) params.append(k, one);
		const url = `${base}${path}?${params}`;
		const res = await send(url, { headers: { accept: 'application/json', authorization: `Bearer ${await bearer()}` } });
		if (!res.ok) throw new Ss12000Error(`${path} answered ${res.status}`, 'http');
		let body: unknown;
		try {
			body = await res.json();
		} catch (e) {
			const name = (e as Error)?.name;
			if (name === 'TimeoutError' || name === 'AbortError') throw new Ss12000Error(`timeout reading ${path}`, 'timeout');
			throw new Ss12000Error(`${path}: not JSON`, 'malformed');
		}
		const parsed = schema.safeParse(body);
		if (!parsed.success) {
			const first = parsed.error.issues[0];
			throw new Ss12000Error(`${path}: malformed page (${first?.path.join('.')}: ${first?.message})`, 'malformed');
		}
		return parsed.data;
	}

	/**
	 * Creates a subscription (POST /subscriptions, decision 051 addendum): the server will POST to `target` when
	 * something changes. Returns its id and expiry, or null when the server does not offer subscriptions (404, 405,
	 * 501): then the hourly delta is all there is.
	 */
	async function subscribe(body: { name: string; target: string; resourceTypes: { resource: string }[] }) {
		const res = await send(`${base}/subscriptions`, {
			method: 'POST',
			headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${await bearer()}` },
			body: JSON.stringify(body)
		});
		if (res.status === 404 || res.status === 405 || res.status === 501) return null;
		if (!res.ok) throw new Ss12000Error(`/subscriptions answered ${res.status}`, 'http');
		const parsed = subscriptionSchema.safeParse(await res.json().catch(() => null));
		if (!parsed.success) throw new Ss12000Error('/subscriptions: malformed answer', 'malformed');
		return parsed.data;
	}

	/** Removes a subscription (DELETE /subscriptions/{id}); one the server no longer knows is gone already. */
	async function unsubscribe(id: string) {
		const res = await send(`${base}/subscriptions/${encodeURIComponent(id)}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${await bearer()}` }
		});
		if (!res.ok && res.status !== 404) throw new Ss12000Error(`DELETE /subscriptions answered ${res.status}`, 'http');
	}

	return { page, subscribe, unsubscribe };
}

/** The standard's Subscription: CreateSubscription plus its id and expiry. */
const subscriptionSchema = z.object({ id: z.string().min(1), expires: z.iso.datetime({ offset: true }) });

export type Ss12000Client = ReturnType<typeof createSs12000Client>;
