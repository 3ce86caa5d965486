import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findCatalog } from '$lib/server/competence/courses/find-catalog';
import { can } from '$lib/server/policies';
import { recommendCourses } from '$lib/server/competence/courses/recommend-courses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const catalog = await findCatalog(event.locals.db, { actor, organizerId: organizer.id });
	return {
		...catalog,
		recommendations: await recommendCourses(event.locals.db, { actor, organizerId: organizer.id }),
		canNeeds: can(actor, 'competence.needs', { type: 'organizer', organizerId: organizer.id }),
		canParticipation: can(actor, 'competence.participation', { type: 'organizer', organizerId: organizer.id })
	};
};
