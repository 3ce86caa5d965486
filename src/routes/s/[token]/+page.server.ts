import { redirect } from '@sveltejs/kit';
import { throwHttp } from '$lib/server/http/errors';
import { isAppError } from '$lib/server/errors';
import { getResponseProgress } from '$lib/server/assessment/answering/get-response-progress';
import { presentAnswerContext } from '$lib/server/assessment/answering/present-answering';
import { startResponse } from '$lib/server/assessment/answering/start-response';
import { NO_STORE, linkRespondent, setResumeCookie } from './link-respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders(NO_STORE);
	const { respondent, paths } = linkRespondent(event);
	const progress = await getResponseProgress(event.locals.db, { respondent }).catch(throwHttp);
	return { context: presentAnswerContext(progress.context), answered: progress.answered, total: progress.total, paths };
};

export const actions: Actions = {
	start: async (event) => {
		const { respondent, paths } = linkRespondent(event);
		try {
			const { resumeToken } = await startResponse(event.locals.db, { respondent });
			if (resumeToken) setResumeCookie(event.cookies, event.params.token, resumeToken);
		} catch (e) {
			if (isAppError(e) && e.code === 'CONFLICT') redirect(303, paths.start);
			throwHttp(e);
		}
		redirect(303, paths.page);
	}
};
