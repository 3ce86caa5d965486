import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages';
import { logServerError } from './log-server-error';

/** Seconds a client (or load balancer) is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Node's socket errors that mean the database server cannot be reached (refused, reset, gone, unknown host). */
const NETWORK_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);
/** SQLSTATEs of a server that is shutting down, starting up or full (class 08 is handled as a whole below). */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres says these in words, without a code. */
const POOL_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /not queryable/i, /Connection ended/i];

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/**
 * The kind of "database unavailable" this error is (its code, e.g. `ECONNREFUSED`, `57P01`), or null when it is
 * some other error. Follows `cause` (a Drizzle query error wraps the driver's) and an AggregateError's `errors`.
 */
export function databaseUnavailableKind(error: unknown, depth = 0): string | null {
	if (!error || typeof error !== 'object' || depth > 5) return null;
	const e = error as ErrorLike;
	const code = typeof e.code === 'string' ? e.code : '';
	const message = typeof e.message === 'string' ? e.message : '';
	if (NETWORK_CODES.has(code)) return code;
	// A Unix socket that is gone: the server has stopped (its socket file goes with it).
	if (code === 'ENOENT' && message.includes('.s.PGSQL')) return code;
	if (SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return code;
	if (POOL_MESSAGES.some((r) => r.test(message))) return 'connection-lost';
	const inner = databaseUnavailableKind(e.cause, depth + 1);
	if (inner) return inner;
	if (Array.isArray(e.errors))
		for (const x of e.errors) {
			const k = databaseUnavailableKind(x, depth + 1);
			if (k) return k;
		}
	return null;
}

/** True when the error means the database cannot be reached now (rather than a bug or bad data). */
export const isDatabaseUnavailable = (error: unknown): boolean => databaseUnavailableKind(error) !== null;

/** Requests whose error handler saw the database away; keyed by `event.locals`, which handle and handleError share. */
const downRequests = new WeakSet<object>();

/** The route, never the path: a path may hold a token (`/s/[token]`, reset links). */
const context = (event: RequestEvent) => `${event.request.method} ${event.route.id ?? '(no route)'}`;

/**
 * Logs an unexpected error the safe way and notes a request that failed because the database is away.
 * Used by `handleError` in hooks.server.ts; a database that is away gives one line a minute per kind.
 */
export function reportServerError(error: unknown, event: RequestEvent): void {
	const kind = databaseUnavailableKind(error);
	if (kind) {
		downRequests.add(event.locals);
		logServerError(error, { context: 'Databasen nås inte / database unavailable', key: `database-down|${kind}` });
		return;
	}
	logServerError(error, { context: context(event), stack: true });
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A short page in Swedish and English; no script, no stylesheet, nothing that needs the database. */
export function databaseDownPage(): string {
	const sv = {
		title: m.ops_unavailable_title({}, { locale: 'sv' }),
		body: m.ops_unavailable_body({}, { locale: 'sv' }),
		retry: m.ops_unavailable_retry({}, { locale: 'sv' })
	};
	const en = {
		title: m.ops_unavailable_title({}, { locale: 'en' }),
		body: m.ops_unavailable_body({}, { locale: 'en' }),
		retry: m.ops_unavailable_retry({}, { locale: 'en' })
	};
	return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(sv.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main>
<h1>${escape(sv.title)}</h1>
<p>${escape(sv.body)}</p>
<p><a href="">${escape(sv.retry)}</a></p>
<div lang="en">
<h2>${escape(en.title)}</h2>
<p>${escape(en.body)}</p>
<p><a href="">${escape(en.retry)}</a></p>
</div>
</main>
</body>
</html>
`;
}

/** 503 with Retry-After: the page for a browser, JSON for SvelteKit's data and form requests and for API clients. */
export function databaseDownResponse(event: RequestEvent): Response {
	const headers = { 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' };
	const accept = event.request.headers.get('accept') ?? '';
	const wantsJson =
		event.isDataRequest ||
		event.request.headers.get('x-sveltekit-action') === 'true' ||
		(accept.includes('application/json') && !accept.includes('text/html'));
	if (wantsJson) {
		const message = `${m.ops_unavailable_short({}, { locale: 'sv' })} / ${m.ops_unavailable_short({}, { locale: 'en' })}`;
		const body =
			event.request.headers.get('x-sveltekit-action') === 'true' ? { type: 'error', status: 503, error: { message } } : { message };
		return new Response(JSON.stringify(body), { status: 503, headers: { ...headers, 'Content-Type': 'application/json' } });
	}
	return new Response(databaseDownPage(), { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * The outermost hook: a request that failed because the database is away gets 503 and Retry-After instead of
 * 500 — whether the error was thrown in a hook (the session lookup) or in a load or action (seen by handleError).
 */
export const handleDatabaseDown: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		if (!isDatabaseUnavailable(error)) throw error;
		reportServerError(error, event);
		return databaseDownResponse(event);
	}
	if (downRequests.has(event.locals) && response.status >= 500) return databaseDownResponse(event);
	return response;
};
