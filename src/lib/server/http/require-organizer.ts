import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getOrganizerBySlug } from '../org/get-organizer';
import { can, type Action, type Actor } from '../policies';
import { isAppError } from '../errors';

/**
 * The organizer named in the URL, for a signed-in actor who may take `action` on it.
 * Not signed in → the sign-in page; no right → 404, so an organizer's existence is not revealed.
 */
export async function requireOrganizer(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'>,
	action: Action = 'organizer.view'
): Promise<{ actor: Actor; organizer: Awaited<ReturnType<typeof getOrganizerBySlug>> }> {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	const slug = (event.params as Record<string, string>).org;
	try {
		const organizer = await getOrganizerBySlug(event.locals.db, slug);
		if (!can(actor, 'organizer.view', { type: 'organizer', organizerId: organizer.id })) error(404);
		if (!can(actor, action, { type: 'organizer', organizerId: organizer.id })) error(403);
		return { actor, organizer };
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') error(404);
		throw e;
	}
}
