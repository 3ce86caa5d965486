import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getCertificate } from '$lib/server/competence/courses/get-certificate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.catalog');
	const certificate = await getCertificate(event.locals.db, { actor, organizerId: organizer.id, courseId: event.params.courseId }).catch(
		throwHttp
	);
	return { certificate, courseId: event.params.courseId };
};
