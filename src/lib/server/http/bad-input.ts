import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

/** The longest text field any form takes (a case description is a few thousand characters; files are not fields). */
export const MAX_FIELD_CHARS = 200_000;

/** C0 control characters other than tab, line feed and carriage return; U+0000 among them, which PostgreSQL refuses in text. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What the replacement character means in a decoded field: bytes that were not UTF-8, or a malformed %-escape. */
const REPLACEMENT = '\ufffd';

export type BadInput = 'malformed' | 'control' | 'encoding' | 'too_long';

/** What is wrong with one text value, if anything. */
export function badText(value: string, max = MAX_FIELD_CHARS): BadInput | null {
	if (value.length > max) return 'too_long';
	if (FORBIDDEN.test(value)) return 'control';
	if (value.includes(REPLACEMENT)) return 'encoding';
	return null;
}

/** What is wrong with a URL's path or query, if anything. */
export function badUrl(url: URL): BadInput | null {
	for (const segment of url.pathname.split('/')) {
		let decoded: string;
		try {
			decoded = decodeURIComponent(segment);
		} catch {
			return 'encoding';
		}
		const bad = badText(decoded, 2000);
		if (bad) return bad;
	}
	for (const [key, value] of url.searchParams) {
		const bad = badText(key, 200) ?? badText(value, 10_000);
		if (bad) return bad;
	}
	return null;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * What is wrong with a form body, if anything: it cannot be parsed (a broken multipart body), or a field
 * (name or text value) is too long, holds a control character, or was not UTF-8. Reads a copy of the
 * body, so the action reads it again as usual. Files are left to the code that takes them.
 */
export async function badForm(request: Request): Promise<BadInput | null> {
	const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return null;
	let data: FormData;
	try {
		data = await request.clone().formData();
	} catch (e) {
		// Over BODY_SIZE_LIMIT: the adapter's own 413 stands, as the action would have met it.
		if ((e as { status?: number })?.status === 413) return null;
		return 'malformed';
	}
	for (const [key, value] of data) {
		const bad = badText(key, 200) ?? (typeof value === 'string' ? badText(value) : null);
		if (bad) return bad;
	}
	return null;
}

const MESSAGES: Record<BadInput, () => string> = {
	malformed: () => m.signin_bad_input_malformed(),
	control: () => m.signin_bad_input_control(),
	encoding: () => m.signin_bad_input_encoding(),
	too_long: () => m.signin_bad_input_too_long()
};

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A 400 answer in the form the asker understands: an action result for `use:enhance`, else a small page. */
export function badInputResponse(event: RequestEvent, problem: BadInput): Response {
	const message = MESSAGES[problem]();
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return new Response(JSON.stringify({ type: 'error', status: 400, error: { message } }), {
			status: 400,
			headers: { 'content-type': 'application/json' }
		});
	}
	const title = m.signin_bad_input_title();
	const html = `<!doctype html>
<html lang="${getLocale()}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Rödtråd</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(m.back_to_start())}</a></p></main></body></html>`;
	return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

/**
 * The request hook: a URL or form body that no page could use (see badUrl, badForm) gets 400 with a clear
 * message before any route or database sees it, so nothing a user can send ends in a 500.
 */
export const handleBadInput: Handle = async ({ event, resolve }) => {
	const problem =
		badUrl(event.url) ?? (event.request.method === 'GET' || event.request.method === 'HEAD' ? null : await badForm(event.request));
	return problem ? badInputResponse(event, problem) : resolve(event);
};
