import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findParticipation } from '$lib/server/competence/courses/find-participation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.participation');
	return { units: await findParticipation(event.locals.db, { actor, organizerId: organizer.id }) };
};
