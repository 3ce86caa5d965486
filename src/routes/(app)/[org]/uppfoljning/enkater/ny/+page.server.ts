import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { findSurveys } from '$lib/server/followup/surveys/find-surveys';
import { createSurvey } from '$lib/server/followup/surveys/create-survey';
import { STAGES } from '$lib/server/competence/competence-rules';
import type { Actions, PageServerLoad } from './$types';

/** The new-survey form (surveys.manage): a template (a student survey: a year group), titles, anonymous or signed, units, chain and reminders. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
	const { units } = await findSurveys(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { units, stages: STAGES.filter((s) => s !== 'forskola') };
};

export const actions: Actions = {
	create: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
		const data = await event.request.formData();
		const values = formValues(data);
		const unitIds = data.getAll('unitIds').filter((v): v is string => typeof v === 'string');
		return runAction(
			async () => {
				const survey = await createSurvey(event.locals.db, {
					actor,
					organizerId: organizer.id,
					input: {
						template: values.template as 'support_quality' | 'student_progression' | 'custom',
						stage: values.stage,
						titleSv: values.titleSv,
						titleEn: values.titleEn,
						anonymous: values.anonymous,
						unitIds,
						chain: values.chain as '',
						maxReminders: values.maxReminders
					}
				});
				redirect(303, `/${organizer.slug}/uppfoljning/enkater/${survey.id}?skapad`);
			},
			{ values: { ...values, unitIds } }
		);
	}
};
