import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { runAction, throwHttp } from '$lib/server/http/errors';
import { can } from '$lib/server/policies';
import { getSurveyResults } from '$lib/server/followup/surveys/get-survey-results';
import { presentSurveyResults } from '$lib/server/followup/surveys/present-survey-results';
import { sendSurvey } from '$lib/server/followup/surveys/send-survey';
import { closeSurvey } from '$lib/server/followup/surveys/close-survey';
import type { Actions, PageServerLoad } from './$types';

/** One survey: its questions, response rate and suppressed results (surveys.results); send and close (surveys.manage). */
export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireOrganizer(event, 'surveys.results');
	const results = await getSurveyResults(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId }).catch(
		throwHttp
	);
	return {
		...presentSurveyResults(results),
		canManage: can(actor, 'surveys.manage', { type: 'organizer', organizerId: organizer.id }),
		notice: ['skapad', 'skickad', 'stangd'].find((k) => event.url.searchParams.has(k)) ?? null,
		sentCount: Number(event.url.searchParams.get('skickad') ?? 0)
	};
};

export const actions: Actions = {
	send: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
		return runAction(async () => {
			const { invited } = await sendSurvey(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId });
			redirect(303, `/${organizer.slug}/uppfoljning/enkater/${event.params.surveyId}?skickad=${invited}`);
		});
	},
	close: async (event) => {
		const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
		return runAction(async () => {
			await closeSurvey(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId });
			redirect(303, `/${organizer.slug}/uppfoljning/enkater/${event.params.surveyId}?stangd`);
		});
	}
};
