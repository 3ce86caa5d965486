import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveys } from '../../db/schema';
import { organizerThreshold } from '../../assessment/rounds/round-checks';
import { authorize, type Actor } from '../../policies';
import { buildSurveyResults, type ResultGroup } from './build-survey-results';
import { fetchResponses } from './fetch-responses';
import { loadSurveyScope } from './survey-scope';
import { TOTAL } from './suppress-survey';
import { PULSE_SCALE_KEY } from './templates';
import { monthOf } from './working-days';

/** One published figure: respondents and a mean on the 1–5 scale, both null when suppressed. */
export type SurveyFigure = { respondents: number | null; mean: number | null };

const meanOf = (means: Record<string, number | null>) => {
	const values = Object.values(means).filter((v): v is number => v !== null);
	return values.length ? values.reduce((s, v) => s + v, 0) / values.length : null;
};

const figure = (g: ResultGroup | undefined, key?: string): SurveyFigure =>
	g ? { respondents: g.respondents, mean: key ? (g.means[key] ?? null) : meanOf(g.means) } : { respondents: 0, mean: null };

/**
 * Survey figures for other parts of Rödtråd (the board report, the operational follow-up): the pulse per ended month
 * (its scale question's mean) and each support-quality round closed between `from` and `to` (YYYY-MM-DD, inclusive;
 * the mean of its scale questions), for the organizer (unitId null) or one unit. Each figure is a cell of the survey
 * pages' own suppressed tables (the self-assessment's threshold and rule), never a new sum: callers must not add
 * months or rounds together into a figure of their own. Needs surveys.results at the unit (or the organizer).
 */
export async function getSurveyFigures(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; unitId: string | null; from: string; to: string; now?: Date }
) {
	const scope = await loadSurveyScope(db, opts.organizerId);
	authorize(
		opts.actor,
		'surveys.results',
		opts.unitId ? scope.resource(opts.unitId) : { type: 'organizer', organizerId: opts.organizerId }
	);
	const threshold = await organizerThreshold(db, opts.organizerId);
	const row = opts.unitId ?? TOTAL;
	const pick = (res: ReturnType<typeof buildSurveyResults>, period: string) =>
		row === TOTAL ? res.periodTotals.find((g) => g.period === period) : res.groups.find((g) => g.unitId === row && g.period === period);
	const all = await db
		.select()
		.from(surveys)
		.where(and(eq(surveys.organizerId, opts.organizerId), inArray(surveys.kind, ['pulse', 'support_quality'])));
	const pulse = all.find((s) => s.kind === 'pulse');
	const current = monthOf(opts.now ?? new Date());
	const last = opts.to.slice(0, 7) < current ? opts.to.slice(0, 7) : null;
	const pulseResults = pulse
		? buildSurveyResults({
				questions: pulse.questions,
				responses: (
					await fetchResponses(db, {
						organizerId: opts.organizerId,
						surveyIds: [pulse.id],
						fromPeriod: opts.from.slice(0, 7),
						beforePeriod: current
					})
				).filter((r) => last === null || r.period <= last),
				threshold
			})
		: null;
	const day = (d: Date) => d.toISOString().slice(0, 10);
	const rounds = all
		.filter(
			(s) =>
				s.kind === 'support_quality' && s.status === 'closed' && s.closedAt && day(s.closedAt) >= opts.from && day(s.closedAt) <= opts.to
		)
		.sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime());
	// Every round's answers in one read, then split per round.
	const roundResponses = await fetchResponses(db, { organizerId: opts.organizerId, surveyIds: rounds.map((s) => s.id) });
	const roundFigures = [];
	for (const s of rounds) {
		const res = buildSurveyResults({
			questions: s.questions,
			responses: roundResponses.filter((r) => r.surveyId === s.id),
			threshold
		});
		roundFigures.push({ surveyId: s.id, titleSv: s.titleSv, titleEn: s.titleEn, closedOn: day(s.closedAt!), ...figure(pick(res, '')) });
	}
	return {
		threshold,
		/** The pulse per ended month in the span that has answers. */
		pulseMonths: (pulseResults?.periods ?? []).map((period) => ({ period, ...figure(pick(pulseResults!, period), PULSE_SCALE_KEY) })),
		/** Each closed support-quality round in the span. */
		rounds: roundFigures
	};
}
export type SurveyFigures = Awaited<ReturnType<typeof getSurveyFigures>>;
