import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findMyCourses } from '$lib/server/competence/courses/find-my-courses';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	return { courses: await findMyCourses(event.locals.db, { actor, organizerId: organizer.id }) };
};
