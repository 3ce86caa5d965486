import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findRepairs, REPAIRS_RETURNED_DAYS, WARRANTY_AHEAD_DAYS } from '$lib/server/devices/find-repairs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const found = await findRepairs(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { ...found, returnedDays: REPAIRS_RETURNED_DAYS, aheadDays: WARRANTY_AHEAD_DAYS };
};
