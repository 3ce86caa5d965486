import { redirect } from '@sveltejs/kit';
import { throwHttp } from '$lib/server/http/errors';
import { isAppError } from '$lib/server/errors';
import { getResponseProgress } from '$lib/server/assessment/answering/get-response-progress';
import { presentAnswerContext } from '$lib/server/assessment/answering/present-answering';
import { startResponse } from '$lib/server/assessment/answering/start-response';
import { findConclusionsForLink, type LinkConclusion } from '$lib/server/assessment/conclusions/find-conclusions-for-link';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import { NO_STORE, linkRespondent, setResumeCookie } from './link-respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders(NO_STORE);
	const { respondent, paths } = linkRespondent(event);
	const progress = await getResponseProgress(event.locals.db, { respondent }).catch(throwHttp);
	const conclusions = progress.context.status === 'closed' ? await findConclusionsForLink(event.locals.db, { token: event.params.token }).catch(throwHttp) : null;
	const locale = getLocale();
	/** Only the written text, its scope in the reader's language and its date. */
	const present = (c: LinkConclusion) => ({
		id: c.id,
		summary: c.summary,
		subGoal: c.scope ? `${c.scope.subGoalId} ${localize(c.scope.subGoalTitle, locale)}`.trim() : null,
		item: c.scope?.itemStatement ? localize(c.scope.itemStatement, locale) : null,
		createdAt: c.createdAt
	});
	return {
		context: presentAnswerContext(progress.context),
		answered: progress.answered,
		total: progress.total,
		paths,
		conclusions: conclusions && { unit: conclusions.unitConclusions.map(present), organizer: conclusions.organizerConclusions.map(present) }
	};
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
