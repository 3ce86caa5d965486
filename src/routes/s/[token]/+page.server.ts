import { fail, redirect } from '@sveltejs/kit';
import { throwHttp } from '$lib/server/http/errors';
import { isAppError } from '$lib/server/errors';
import { getResponseProgress } from '$lib/server/assessment/answering/get-response-progress';
import { presentAnswerContext } from '$lib/server/assessment/answering/present-answering';
import { startResponse } from '$lib/server/assessment/answering/start-response';
import { findConclusionsForLink, type LinkConclusion } from '$lib/server/assessment/conclusions/find-conclusions-for-link';
import { countLinkSubmissions, LINK_STARTS_PER_ADDRESS } from '$lib/server/assessment/links/link-room';
import { localize } from '$lib/server/assessment/consensus/localize';
import { getLocale } from '$lib/paraglide/runtime';
import { NO_STORE, linkRespondent, setResumeCookie } from './link-respondent';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	event.setHeaders(NO_STORE);
	const { respondent, paths } = linkRespondent(event);
	const progress = await getResponseProgress(event.locals.db, { respondent }).catch(throwHttp);
	const conclusions =
		progress.context.status === 'closed'
			? await findConclusionsForLink(event.locals.db, { token: event.params.token }).catch(throwHttp)
			: null;
	const { linkId, linkCapacity } = progress.context;
	// The link's capacity is shown to everyone holding it; whether it is full only matters to a browser
	// that has not submitted, so nobody watches the count grow after their own answer.
	const waiting = progress.context.status === 'open' && !progress.context.response?.submittedAt;
	const room =
		linkId && linkCapacity
			? {
					capacity: linkCapacity,
					startsPerAddress: LINK_STARTS_PER_ADDRESS,
					full: waiting && (await countLinkSubmissions(event.locals.db, linkId)) >= linkCapacity
				}
			: null;
	const locale = getLocale();
	/** Only the written text, its scope in the reader's language and its date. */
	const present = (c: LinkConclusion) => ({
		id: c.id,
		summary: c.summary,
		subGoal: c.scope ? `${c.scope.subGoalId} ${localize(c.scope.subGoalTitle, locale)}`.trim() : null,
		item: c.scope?.itemStatement ? localize(c.scope.itemStatement, locale) : null,
		createdAt: c.createdAt,
		actions: c.actions
	});
	return {
		context: presentAnswerContext(progress.context),
		answered: progress.answered,
		total: progress.total,
		paths,
		room,
		conclusions: conclusions && { unit: conclusions.unitConclusions.map(present), organizer: conclusions.organizerConclusions.map(present) }
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { respondent, paths } = linkRespondent(event);
		try {
			const { resumeToken } = await startResponse(event.locals.db, { respondent, address: event.getClientAddress() });
			if (resumeToken) setResumeCookie(event.cookies, event.params.token, resumeToken);
		} catch (e) {
			// A closed round or a full link: the start page says which.
			if (isAppError(e) && e.code === 'CONFLICT') redirect(303, paths.start);
			if (isAppError(e) && e.code === 'RATE_LIMITED') return fail(429, { tooMany: true });
			throwHttp(e);
		}
		redirect(303, paths.page);
	}
};
