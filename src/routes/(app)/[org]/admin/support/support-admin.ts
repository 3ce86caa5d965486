import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { failFromError } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { configScope } from '$lib/server/support/config/config-common';

/** The organizer and actor for a support settings page; 403 unless the actor configures support. */
export async function supportAdminContext(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const { actor, organizer } = await requireOrganizer(event, 'organizer.member');
	if (!can(actor, 'support.configure', configScope(organizer.id))) error(403);
	const base = `/${organizer.slug}/admin/support`;
	return { db: event.locals.db, actor, organizer, base, opts: { actor, organizerId: organizer.id } };
}

/** A posted text field ('' when missing or a file). */
export const text = (data: FormData, key: string) => {
	const v = data.get(key);
	return typeof v === 'string' ? v : '';
};

/** A posted checkbox. */
export const checked = (data: FormData, key: string) => data.get(key) === 'on' || data.get(key) === 'true';

/**
 * A domain error as a form failure that names the action and keeps the values (404/403 as pages).
 * `field` moves every issue onto one element (a button's message) when the form has no such input.
 */
export function failAction(e: unknown, values: Record<string, unknown>, action: string, field?: string) {
	const failure = failFromError(e, values, action);
	const issues = field ? failure.data.issues.map((i) => ({ ...i, field })) : failure.data.issues;
	return fail(failure.status, { ...failure.data, issues, action });
}

/** The success notice key from ?klart=, if it is one the page knows. */
export function doneFrom(url: URL, known: readonly string[]): string | null {
	const v = url.searchParams.get('klart');
	return v && known.includes(v) ? v : null;
}
