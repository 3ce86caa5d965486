import { requireOrganizer } from '$lib/server/http/require-organizer';
import { findParticipation } from '$lib/server/competence/courses/find-participation';
import { findKeyPeopleTraining } from '$lib/server/competence/courses/find-key-people-training';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.participation');
	const [units, keyPeople] = await Promise.all([
		findParticipation(event.locals.db, { actor, organizerId: organizer.id }),
		findKeyPeopleTraining(event.locals.db, { actor, organizerId: organizer.id })
	]);
	return { units, keyPeople };
};
