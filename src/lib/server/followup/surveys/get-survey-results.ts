import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyInvitations } from '../../db/schema';
import { organizerThreshold } from '../../assessment/rounds/round-checks';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { buildSurveyResults, type ResultGroup } from './build-survey-results';
import { fetchResponses } from './fetch-responses';
import { loadSurveyScope, getSurvey } from './survey-scope';
import { monthOf } from './working-days';

/**
 * One survey's results for the viewer (surveys.results): the response rate per unit and the suppressed figures per
 * unit and period, with the same anonymity threshold and rule as the self-assessment. A round's figures appear once
 * it is closed; the pulse's per ended month. Suppression is computed over every unit, then the viewer sees the units
 * they may read (their units and those below) and the totals.
 */
export async function getSurveyResults(db: Db, opts: { actor: Actor | null; organizerId: string; surveyId: string; now?: Date }) {
	authorize(opts.actor, 'surveys.results', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const survey = await getSurvey(db, opts.organizerId, opts.surveyId);
	if (survey.status === 'draft' && !can(actor, 'surveys.manage', { type: 'organizer', organizerId: opts.organizerId }))
		throw new AppError('NOT_FOUND', 'survey');
	const scope = await loadSurveyScope(db, opts.organizerId);
	const threshold = await organizerThreshold(db, opts.organizerId);
	const now = opts.now ?? new Date();
	const published = survey.kind === 'pulse' || survey.status === 'closed';
	const responses = published
		? await fetchResponses(db, {
				organizerId: opts.organizerId,
				surveyIds: [survey.id],
				beforePeriod: survey.kind === 'pulse' ? monthOf(now) : undefined
			})
		: [];
	const results = buildSurveyResults({ questions: survey.questions, responses, threshold });
	const rates = await db
		.select({
			unitId: surveyInvitations.unitId,
			invited: count(),
			answered: sql<number>`count(*) filter (where ${isNotNull(surveyInvitations.answeredAt)})`.mapWith(Number)
		})
		.from(surveyInvitations)
		.where(and(eq(surveyInvitations.organizerId, opts.organizerId), eq(surveyInvitations.surveyId, survey.id)))
		.groupBy(surveyInvitations.unitId);
	const visible = (unitId: string) => scope.mayRead(actor, unitId);
	const name = (unitId: string) => scope.byId.get(unitId)?.name ?? '';
	const withName = (g: ResultGroup) => ({ ...g, unitName: name(g.unitId) });
	const sortByName = <T extends { unitId: string }>(xs: T[]) =>
		xs.sort((a, b) => {
			const [x, y] = [scope.byId.get(a.unitId)?.nameSort ?? '', scope.byId.get(b.unitId)?.nameSort ?? ''];
			return x < y ? -1 : x > y ? 1 : 0;
		});
	return {
		survey,
		published,
		threshold: results.threshold,
		periods: results.periods,
		rates: sortByName(rates.filter((r) => visible(r.unitId))).map((r) => ({ ...r, unitName: name(r.unitId) })),
		groups: sortByName(results.groups.filter((g) => visible(g.unitId))).map(withName),
		periodTotals: results.periodTotals
	};
}
export type SurveyResultsView = Awaited<ReturnType<typeof getSurveyResults>>;
