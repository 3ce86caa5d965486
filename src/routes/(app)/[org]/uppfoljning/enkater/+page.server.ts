import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { organizerThreshold } from '$lib/server/assessment/rounds/round-checks';
import { findSurveys } from '$lib/server/followup/surveys/find-surveys';
import { updatePulseSettings } from '$lib/server/followup/surveys/pulse-settings';
import type { Actions, PageServerLoad } from './$types';

/** The organizer's surveys with their response rates, and the pulse settings for those who manage surveys. */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event);
	const found = await findSurveys(event.locals.db, { actor, organizerId: organizer.id }).catch(throwHttp);
	return { ...found, threshold: await organizerThreshold(event.locals.db, organizer.id) };
};

export const actions: Actions = {
	pulse: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
		const values = formValues(await event.request.formData());
		return runAction(
			async () => {
				await updatePulseSettings(event.locals.db, { actor, organizerId: organizer.id, input: values });
				return { saved: true };
			},
			{ values }
		);
	}
};
