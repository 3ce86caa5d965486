import { loadReviewPage, submitAction } from '$lib/server/http/answer-pages';
import { NO_STORE, linkRespondent } from '../link-respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders(NO_STORE);
	const { respondent, paths } = linkRespondent(event);
	return loadReviewPage(event.locals.db, respondent, paths);
};

export const actions: Actions = {
	submit: async (event) => {
		const { respondent, paths } = linkRespondent(event);
		return submitAction(event, respondent, paths);
	}
};
