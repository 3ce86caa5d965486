import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findCatalog } from '$lib/server/competence/courses/find-catalog';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const catalog = await findCatalog(event.locals.db, { actor, organizerId: organizer.id });
	return {
		...catalog,
		canParticipation: can(actor, 'competence.participation', { type: 'organizer', organizerId: organizer.id })
	};
};
