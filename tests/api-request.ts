import type { Db } from '../src/lib/server/db';

type Handler = (event: never) => Response | Promise<Response>;

/**
 * Calls a `+server.ts` handler of /api/v1 the way SvelteKit would, without a server: a Request with the bearer
 * token and a JSON body, the route's params, and the test database in locals. Returns the status, headers and
 * parsed body.
 */
export async function callApi(
	db: Db,
	handler: Handler,
	opts: { path: string; token?: string; params?: Record<string, string>; body?: unknown; rawBody?: string; method?: string }
) {
	const url = new URL(`http://localhost/api/v1${opts.path}`);
	const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
	const request = new Request(url, {
		method: opts.method ?? (hasBody ? 'POST' : 'GET'),
		headers: {
			...(opts.token && { authorization: `Bearer ${opts.token}` }),
			...(hasBody && { 'content-type': 'application/json' })
		},
		body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined)
	});
	const response = await handler({ request, url, params: opts.params ?? {}, locals: { db } } as never);
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		type: response.headers.get('content-type'),
		body: text ? (JSON.parse(text) as Record<string, unknown> & { items?: Record<string, unknown>[] }) : null
	};
}
