import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getNeedsPicture } from '$lib/server/competence/courses/get-needs-picture';
import { can } from '$lib/server/policies';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.needs');
	const picture = await getNeedsPicture(event.locals.db, {
		actor,
		organizerId: organizer.id,
		unitId: event.url.searchParams.get('enhet') || null
	}).catch(throwHttp);
	return { picture, canPlan: can(actor, 'planning.view', { type: 'organizer', organizerId: organizer.id }) };
};
