import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { findCycles } from '$lib/server/planning/cycles/find-cycles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	return findCycles(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
};
