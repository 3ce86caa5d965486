import { loadReviewPage, submitAction } from '$lib/server/http/answer-pages';
import { personRespondent } from '../../respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { respondent, paths } = await personRespondent(event);
	return loadReviewPage(event.locals.db, respondent, paths);
};

export const actions: Actions = {
	submit: async (event) => {
		const { respondent, paths } = await personRespondent(event);
		return submitAction(event, respondent, paths);
	}
};
