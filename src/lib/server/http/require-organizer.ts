import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getOrganizerBySlug } from '../org/get-organizer';
import { can, type Action, type Actor } from '../policies';
import { isAppError } from '../errors';

type Organizer = Awaited<ReturnType<typeof getOrganizerBySlug>>;

/**
 * The organizer by slug, looked up once per GET request (the layout and the page both ask); the request
 * hook seeds it with the organizer that came along with the session (validateSessionActor).
 * A POST looks it up afresh each time: an action may have changed it before the loads run.
 */
function organizerOnce(event: Pick<RequestEvent, 'locals'> & { request?: Request }, slug: string): Promise<Organizer> {
	const method = event.request?.method;
	if (method !== 'GET' && method !== 'HEAD') return getOrganizerBySlug(event.locals.db, slug);
	const memo = (event.locals.organizerBySlug ??= new Map());
	let found = memo.get(slug);
	if (!found) {
		found = getOrganizerBySlug(event.locals.db, slug);
		memo.set(slug, found);
	}
	return found;
}

/**
 * The organizer named in the URL, for a signed-in actor who may take `action` on it.
 * Not signed in → the sign-in page; signed in another way than an organizer that switched passwords off requires →
 * its own sign-in options; no right → 404, so an organizer's existence is not revealed.
 * A member without `action` gets 403; a supplier whose team serves the organizer (no role there) gets 404.
 */
export async function requireOrganizer(
	event: Pick<RequestEvent, 'locals' | 'params' | 'url'> & { request?: Request },
	action: Action = 'organizer.view'
): Promise<{ actor: Actor; organizer: Organizer }> {
	const actor = event.locals.actor;
	if (!actor) redirect(303, `/logga-in?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	const slug = (event.params as Record<string, string>).org;
	try {
		const organizer = await organizerOnce(event, slug);
		// An organizer that requires its own sign-in, which this session did not use: sign in there (decision 050).
		if (event.locals.barredOrganizerIds?.includes(organizer.id))
			redirect(
				303,
				`/logga-in?org=${encodeURIComponent(organizer.slug)}&egen=1&redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`
			);
		const resource = { type: 'organizer' as const, organizerId: organizer.id };
		if (!can(actor, 'organizer.view', resource)) error(404);
		// Someone here only through a supplier team sees nothing else exists: the refusal is 404 for them too.
		if (!can(actor, action, resource)) error(can(actor, 'organizer.member', resource) ? 403 : 404);
		return { actor, organizer };
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') error(404);
		throw e;
	}
}
