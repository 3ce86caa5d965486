import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import type { RequestHandler } from './$types';

/**
 * The handling page became part of the case page (decision 027); old links and bookmarks land there. Who may
 * not open the organizer is refused here as everywhere (sign-in page or 404); the case page decides the rest.
 */
export const GET: RequestHandler = async (event) => {
	const { organizer } = await requireOrganizer(event);
	redirect(303, `/${organizer.slug}/support/${event.params.number}`);
};
