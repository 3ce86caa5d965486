import { loadSubGoalPage, saveSubGoalAction } from '$lib/server/http/answer-pages';
import { personRespondent } from '../respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { respondent, paths } = await personRespondent(event);
	return loadSubGoalPage(event.locals.db, respondent, event.url, paths);
};

const save = (move: 'next' | 'previous' | 'stay') => async (event: Parameters<Actions[string]>[0]) => {
	const { respondent, paths } = await personRespondent(event);
	return saveSubGoalAction(event, respondent, move, paths);
};

export const actions: Actions = { next: save('next'), previous: save('previous'), save: save('stay') };
