import { loadSubGoalPage, saveSubGoalAction } from '$lib/server/http/answer-pages';
import { NO_STORE, linkRespondent } from '../link-respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders(NO_STORE);
	const { respondent, paths } = linkRespondent(event);
	return loadSubGoalPage(event.locals.db, respondent, event.url, paths);
};

const save = (move: 'next' | 'previous' | 'stay') => async (event: Parameters<Actions[string]>[0]) => {
	const { respondent, paths } = linkRespondent(event);
	return saveSubGoalAction(event, respondent, move, paths);
};

export const actions: Actions = { next: save('next'), previous: save('previous'), save: save('stay') };
