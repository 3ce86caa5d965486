/**
 * The answering pages' loads and actions, shared by the signed-in routes
 * (/[org]/skattning/[roundId]/svara/[unitId]/…) and the anonymous link (/s/[token]/…).
 * Each route only says who the respondent is and where its pages live.
 */
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime';
import type { Db } from '../db';
import { isAppError } from '../errors';
import { formValues, throwHttp } from './errors';
import { readAnswerForm } from '../assessment/answering/answer-input';
import { getResponseProgress } from '../assessment/answering/get-response-progress';
import { presentAnswerContext, presentReview, presentSubGoalPage } from '../assessment/answering/present-answering';
import type { Respondent } from '../assessment/answering/respondent';
import { saveAnswers } from '../assessment/answering/save-answers';
import { submitResponse } from '../assessment/answering/submit-response';

/** Where a respondent's pages are: the start page, the sub-goal page (takes ?delmal=) and the review page. */
export type AnswerPaths = { start: string; page: string; review: string };

const locale = () => (getLocale() === 'en' ? 'en' : 'sv');

/** A response that cannot take answers (not started, submitted, round not open) is sent back to the start page, which says why. */
async function openProgress(db: Db, respondent: Respondent, paths: AnswerPaths) {
	const progress = await getResponseProgress(db, { respondent }).catch(throwHttp);
	const ctx = progress.context;
	if (!ctx.response || ctx.response.submittedAt || ctx.status !== 'open') redirect(303, paths.start);
	return progress;
}

/** Load for a sub-goal page (`?delmal=<id>`, the first when absent; an unknown id is a 404). */
export async function loadSubGoalPage(db: Db, respondent: Respondent, url: URL, paths: AnswerPaths) {
	const progress = await openProgress(db, respondent, paths);
	const page = presentSubGoalPage(progress, url.searchParams.get('delmal'), locale());
	if (!page) error(404);
	return { context: presentAnswerContext(progress.context), page, saved: url.searchParams.has('sparat'), paths };
}

/** Load for the review page. */
export async function loadReviewPage(db: Db, respondent: Respondent, paths: AnswerPaths) {
	const progress = await openProgress(db, respondent, paths);
	return { context: presentAnswerContext(progress.context), review: presentReview(progress, locale()), paths };
}

const withDelmal = (path: string, id: string, extra = '') => `${path}?delmal=${encodeURIComponent(id)}${extra}`;

/**
 * Saves the posted page and moves: 'next' (to the review page after the last sub-goal),
 * 'previous', or 'stay'. Bad answers → 400 with what was typed; a submitted response or a
 * round that is no longer open → the start page, which says so.
 */
export async function saveSubGoalAction(
	event: RequestEvent,
	respondent: Respondent,
	move: 'next' | 'previous' | 'stay',
	paths: AnswerPaths
) {
	const data = await event.request.formData();
	const values = formValues(data);
	try {
		await saveAnswers(event.locals.db, { respondent, answers: readAnswerForm(data) });
	} catch (e) {
		if (isAppError(e) && e.code === 'INVALID') return fail(400, { values, issues: e.issues });
		if (isAppError(e) && e.code === 'CONFLICT') redirect(303, paths.start);
		throwHttp(e);
	}
	const { subGoals } = await getResponseProgress(event.locals.db, { respondent }).catch(throwHttp);
	const at = Math.max(
		0,
		subGoals.findIndex((s) => s.id === values.delmal)
	);
	if (move === 'stay') redirect(303, withDelmal(paths.page, subGoals[at].id, '&sparat=1'));
	if (move === 'previous') redirect(303, withDelmal(paths.page, subGoals[Math.max(0, at - 1)].id));
	const next = subGoals[at + 1];
	redirect(303, next ? withDelmal(paths.page, next.id) : paths.review);
}

/** Hands the response in and returns to the start page, which now thanks the respondent. */
export async function submitAction(event: RequestEvent, respondent: Respondent, paths: AnswerPaths) {
	try {
		await submitResponse(event.locals.db, { respondent });
	} catch (e) {
		if (!(isAppError(e) && e.code === 'CONFLICT')) throwHttp(e);
	}
	redirect(303, paths.start);
}
