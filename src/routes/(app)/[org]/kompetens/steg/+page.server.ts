import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getStep } from '$lib/server/competence/get-step';
import { saveStep } from '$lib/server/competence/save-step';
import { ASPECTS, STAGES } from '$lib/server/competence/competence-rules';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'competence.plan');
	const step = await getStep(event.locals.db, { actor, organizerId: organizer.id, stepId: event.url.searchParams.get('id') }).catch(
		throwHttp
	);
	return { step, stages: STAGES, aspects: ASPECTS };
};

export const actions: Actions = {
	save: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'competence.plan');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await saveStep(event.locals.db, { actor, organizerId: organizer.id, stepId: event.url.searchParams.get('id'), input: values });
				redirect(303, `/${organizer.slug}/kompetens?sparad`);
			},
			{ values }
		);
	}
};
