import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getCycleDetails } from '$lib/server/planning/cycles/get-cycle-details';
import { presentCycle } from '$lib/server/planning/cycles/present-cycle';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'planning.view');
	const details = await getCycleDetails(event.locals.db, { actor, organizerId: organizer.id, cycleId: event.params.cycleId }).catch(
		throwHttp
	);
	return presentCycle(details);
};
