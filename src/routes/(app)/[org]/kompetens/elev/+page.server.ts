import { requireOrganizer } from '$lib/server/http/require-organizer';
import { throwHttp } from '$lib/server/http/errors';
import { getStudentSteps } from '$lib/server/competence/get-student-steps';
import { ASPECTS, STAGES, isStage } from '$lib/server/competence/competence-rules';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.students');
	const asked = event.url.searchParams.get('arskurs') ?? '';
	const stage = isStage(asked) ? asked : null;
	const steps = stage ? await getStudentSteps(event.locals.db, { actor, organizerId: organizer.id, stage }).catch(throwHttp) : [];
	return { stage, steps, stages: STAGES, aspects: ASPECTS };
};
