import { redirect } from '@sveltejs/kit';
import { requireOrganizer } from '$lib/server/http/require-organizer';
import { formValues, runAction, throwHttp } from '$lib/server/http/errors';
import { getSurvey } from '$lib/server/followup/surveys/survey-scope';
import { changeSurveyQuestions, type QuestionChange } from '$lib/server/followup/surveys/change-survey-questions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The question editor of a draft survey (surveys.manage, decision 067): its questions in order and a form for a new one. */
export const load: PageServerLoad = async (event) => {
	const { organizer } = await requireOrganizer(event, 'surveys.manage');
	const s = await getSurvey(event.locals.db, organizer.id, event.params.surveyId).catch(throwHttp);
	return {
		survey: { id: s.id, titleSv: s.titleSv, titleEn: s.titleEn, status: s.status, kind: s.kind, questions: s.questions },
		added: event.url.searchParams.has('tillagd')
	};
};

async function change(event: RequestEvent, make: (values: Record<string, string>) => QuestionChange, form: string) {
	const { actor, organizer } = await requireOrganizer(event, 'surveys.manage');
	const values = formValues(await event.request.formData());
	const change = make(values);
	return runAction(
		async () => {
			await changeSurveyQuestions(event.locals.db, { actor, organizerId: organizer.id, surveyId: event.params.surveyId, change });
			const anchor = change.op === 'add' ? '?tillagd#questions' : '#questions';
			redirect(303, `/${organizer.slug}/uppfoljning/enkater/${event.params.surveyId}/fragor${anchor}`);
		},
		{ values, data: { form } }
	);
}

export const actions: Actions = {
	add: async (event) => change(event, (values) => ({ op: 'add', values }), 'add'),
	remove: async (event) => change(event, (v) => ({ op: 'remove', key: v.key ?? '' }), 'list'),
	move: async (event) => change(event, (v) => ({ op: 'move', key: v.key ?? '', direction: v.direction === 'up' ? 'up' : 'down' }), 'list')
};
