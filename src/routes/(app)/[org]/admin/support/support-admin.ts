import { error, type RequestEvent } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
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

/** The success notice key from ?klart=, if it is one the page knows. */
export function doneFrom(url: URL, known: readonly string[]): string | null {
	const v = url.searchParams.get('klart');
	return v && known.includes(v) ? v : null;
}
