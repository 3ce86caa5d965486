import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { loadUnitAccess } from '../../assessment/rounds/unit-access';
import { isRealChange, type CellFigure } from '../../assessment/reports/stats';
import { loadAssessmentTrend, type AssessmentTrend, type TrendCell } from '../picture/load-assessment-trend';
import { STRATEGY_FRAMEWORK, strategySubGoals } from '../picture/load-followup-picture';
import { dayAfter } from './period';

/** One sub-goal's standing: the organizer's mean level in the round (null when hidden or none) and how it moved. */
export type SubGoalStanding = {
	id: string;
	title: { sv: string; en: string };
	/** The organizer's mean level (1–4) in the round; null when the anonymity rule hides it or nobody answered. */
	mean: number | null;
	/** The figure exists but the anonymity rule hides it. */
	hidden: boolean;
	/** The mean in the compared earlier round, when both are shown. */
	before: number | null;
	diff: number | null;
	/** Whether the change is large enough to count as real (the assessment module's rule). */
	real: boolean;
	/** The spread between units' values (max − min) and how many units count; null with fewer than two. */
	spread: number | null;
	unitsCounted: number;
	/** With a unit filter: the unit's own value in the round (pooled answers or its decided level), null when hidden or none. */
	unitValue?: number | null;
};

export type BoardStanding = {
	round: { id: string; name: string; closesOn: string } | null;
	compared: { id: string; name: string } | null;
	subGoals: SubGoalStanding[];
	/** Whose report the figures are cut from: the organizer's, or a principal's area (decision 061). */
	scope?: 'organizer' | 'area';
};

const asFigure = (c: TrendCell | undefined): CellFigure | undefined =>
	c
		? { shown: c.mean !== null, suppressed: c.why !== null, mean: c.mean, sd: c.sd ?? null, n: c.n ?? 0, dontKnow: 0, notApplicable: 0 }
		: undefined;

/**
 * The board's standing per sub-goal, read from the one-picture view's own standing: its trend of the last closed
 * rounds (`loadAssessmentTrend`, the assessment module's reports with their suppression). The newest round is the
 * standing, the one before it the comparison; a change counts as real by the assessment module's `isRealChange`. Pure.
 */
export function standingOf(
	trend: AssessmentTrend | null,
	subGoals: { id: string; title: { sv: string; en: string } }[],
	unitId: string | null
): BoardStanding {
	if (!trend || trend.rounds.length === 0) return { round: null, compared: null, subGoals: [] };
	const last = trend.rounds.length - 1;
	const latest = trend.rounds[last];
	const compared = last > 0 ? trend.rounds[last - 1] : null;
	return {
		round: { id: latest.id, name: latest.name, closesOn: latest.closesOn },
		compared: compared ? { id: compared.id, name: compared.name } : null,
		scope: trend.scope,
		subGoals: subGoals.map((sg) => {
			const t = trend.subGoals[sg.id];
			const now = t?.organizer[last];
			const then = compared ? t?.organizer[last - 1] : undefined;
			const mean = now?.mean ?? null;
			const before = then?.mean ?? null;
			return {
				id: sg.id,
				title: sg.title,
				mean,
				hidden: now?.why != null,
				before,
				diff: mean !== null && before !== null ? mean - before : null,
				real: isRealChange(asFigure(then), asFigure(now)),
				spread: t?.spread && t.spread.units >= 2 ? t.spread.range : null,
				unitsCounted: t?.spread?.units ?? 0,
				...(unitId ? { unitValue: t?.unit[last]?.value ?? null } : {})
			};
		})
	};
}

/**
 * Where the organizer stands per sub-goal at the end of a period and how it moved — the same standing the one-picture
 * view shows (its loader, not a second one): the closed rounds of the national strategy up to the period's end. With
 * a unit filter the unit's own value stands beside each sub-goal (organizer-wide readers; a principal gets their area's
 * report). Null parts where the reader may read no self-assessment report.
 */
export async function loadBoardStanding(
	db: Db,
	opts: { actor: Actor; organizerId: string; unitId: string | null; until: string }
): Promise<BoardStanding> {
	const [subGoals, access] = await Promise.all([strategySubGoals(), opts.unitId ? loadUnitAccess(db, opts.organizerId) : null]);
	const trend = await loadAssessmentTrend(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		unitId: opts.unitId,
		unitResource: opts.unitId && access ? { ancestorIds: access.resource(opts.unitId).ancestorIds } : null,
		frameworkKey: STRATEGY_FRAMEWORK,
		before: dayAfter(opts.until),
		today: todayInStockholm(),
		subGoalIds: subGoals.map((s) => s.id)
	});
	return standingOf(trend, subGoals, opts.unitId);
}
