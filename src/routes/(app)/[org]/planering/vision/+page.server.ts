import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getLocale } from '$lib/paraglide/runtime';
import { getVision } from '$lib/server/planning/vision/get-vision';
import { ACTION_STATUSES } from '$lib/server/planning/statuses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const vision = await getVision(event.locals.db, { actor, organizerId: organizer.id, locale: getLocale() }).catch(throwHttp);
	return { vision, statuses: ACTION_STATUSES, saved: event.url.searchParams.has('sparat') };
};
