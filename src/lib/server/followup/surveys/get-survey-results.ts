import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyInvitations, surveys } from '../../db/schema';
import { organizerThreshold } from '../../assessment/rounds/round-checks';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { buildSurveyResults, type ResultGroup } from './build-survey-results';
import { fetchResponses } from './fetch-responses';
import { loadSurveyScope, getSurvey } from './survey-scope';
import { isStanding } from './standing';
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
	const published = isStanding(survey.kind) || survey.status === 'closed';
	const responses = published
		? await fetchResponses(db, {
				organizerId: opts.organizerId,
				surveyIds: [survey.id],
				beforePeriod: isStanding(survey.kind) ? monthOf(now) : undefined
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
	const overTime = await roundsOverTime(db, { organizerId: opts.organizerId, seriesKey: survey.seriesKey, threshold, visible });
	return {
		survey,
		published,
		overTime,
		threshold: results.threshold,
		periods: results.periods,
		rates: sortByName(rates.filter((r) => visible(r.unitId))).map((r) => ({ ...r, unitName: name(r.unitId) })),
		groups: sortByName(results.groups.filter((g) => visible(g.unitId))).map(withName),
		periodTotals: results.periodTotals
	};
}
export type SurveyResultsView = Awaited<ReturnType<typeof getSurveyResults>>;

const meanOf = (means: Record<string, number | null>) => {
	const values = Object.values(means).filter((v): v is number => v !== null);
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
};

/**
 * The closed rounds of a recurring survey (same series), oldest first: each round's total over all units and the
 * viewer's units, each a cell of that round's own suppressed table (respondents, and the mean of its scale
 * questions), so comparing rounds shows nothing a round's own page does not.
 */
async function roundsOverTime(
	db: Db,
	opts: { organizerId: string; seriesKey: string | null; threshold: number; visible: (unitId: string) => boolean }
) {
	if (!opts.seriesKey) return [];
	const rounds = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.organizerId, opts.organizerId), eq(surveys.seriesKey, opts.seriesKey), eq(surveys.status, 'closed')))
		.orderBy(asc(surveys.closedAt));
	const out = [];
	for (const r of rounds) {
		const res = buildSurveyResults({
			questions: r.questions,
			responses: await fetchResponses(db, { organizerId: opts.organizerId, surveyIds: [r.id] }),
			threshold: opts.threshold
		});
		const total = res.periodTotals[0];
		out.push({
			id: r.id,
			titleSv: r.titleSv,
			titleEn: r.titleEn,
			closedOn: r.closedAt ? r.closedAt.toISOString().slice(0, 10) : null,
			total: { respondents: total ? total.respondents : 0, mean: total ? meanOf(total.means) : null },
			units: res.groups
				.filter((g) => opts.visible(g.unitId))
				.map((g) => ({ unitId: g.unitId, respondents: g.respondents, mean: meanOf(g.means) }))
		});
	}
	return out;
}
