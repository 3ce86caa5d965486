import { and, desc, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { assessmentRounds, planningActionLinks, planningActions, planningGoalSubGoals, planningPlans } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { todayInStockholm } from '../auth/load-actor';
import { readRoundFigures } from '../assessment/reports/round-figures/read-round-figures';
import type { RoundFigures } from '../assessment/reports/round-figures/round-figures-of';
import type { Localized } from '../assessment/framework/framework-schema';
import { readTogether } from '../db/read-together';
import { linkValue, loadLinkOptions, type LinkValue } from './framework-links';
import { loadPlanScopes, scopeKey } from './plan-scopes';
import { countGoalActions, findGoalGaps, rollUpGoals, unitsServingGoals, type GoalRollUpRow } from './roll-up-goals';
import { listGoalOptions } from './vision/goal-options';
import { ACTION_STATUSES, OPEN_STATUSES, isActionStatus, type ActionStatus } from './statuses';

/**
 * A sub-goal is weak at a unit when its mean level (all perspectives, else the agreed levels) is below WEAK_BELOW,
 * or at least LAG below the organizer's mean for it: a unit far behind the others is a gap even where all do well.
 */
export const WEAK_BELOW = 2.5;
export const LAG = 0.5;

/** canPlan: the reader may add an action to the unit's plan ("Gör till aktivitet"). */
export type RollUpGap = { unitId: string; unitName: string; mean: number; canPlan: boolean };
export type RollUpRow = {
	value: LinkValue;
	subGoalId: string;
	title: Localized;
	byStatus: Record<ActionStatus, number>;
	total: number;
	overdue: number;
	organizerActions: number;
	/** Units whose plan has an action for the sub-goal, with how many. */
	units: { unitId: string; unitName: string; actions: number }[];
	/** Units where the sub-goal is weak in the latest closed round and whose plan has no action for it. */
	gaps: RollUpGap[];
	/** The organizer's mean for the sub-goal in that round (null when hidden or none). */
	organizerMean: number | null;
};

export type RollUp = {
	period: string;
	/** The round the gaps are read from; null when the actor may not read the organizer report or none has closed. */
	round: { id: string; name: string } | null;
	rows: RollUpRow[];
	/** The organizer's strategic goals and what the readable plans do for each. */
	goals: GoalRollUpRow[];
	/** Readable units without any action in the period. */
	unitsWithoutActions: { unitId: string; unitName: string }[];
};

const emptyCounts = () => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

/**
 * Actions of a läsår per plan scope and linked sub-goal (an action linked to a sub-goal and to items of it
 * counts once), per status and overdue. Actions without a link come as one row per scope with null keys.
 */
async function countLinkedActions(db: Db, opts: { organizerId: string; period: string; today: string }) {
	const open = sql.join(
		OPEN_STATUSES.map((s) => sql`${s}`),
		sql`, `
	);
	const rows = await db
		.select({
			unitId: planningPlans.unitId,
			frameworkKey: planningActionLinks.frameworkKey,
			subGoalId: planningActionLinks.subGoalId,
			status: planningActions.status,
			n: sql<number>`count(DISTINCT ${planningActions.id})`.mapWith(Number),
			overdue:
				sql<number>`count(DISTINCT ${planningActions.id}) FILTER (WHERE ${planningActions.dueOn} < ${opts.today}::date AND ${planningActions.status} IN (${open}))`.mapWith(
					Number
				)
		})
		.from(planningActions)
		.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
		.leftJoin(planningActionLinks, eq(planningActionLinks.actionId, planningActions.id))
		.where(and(eq(planningActions.organizerId, opts.organizerId), eq(planningPlans.period, opts.period)))
		.groupBy(planningPlans.unitId, planningActionLinks.frameworkKey, planningActionLinks.subGoalId, planningActions.status);
	const merged = new Map<
		string,
		{
			unitId: string | null;
			frameworkKey: string | null;
			subGoalId: string | null;
			byStatus: Record<ActionStatus, number>;
			total: number;
			overdue: number;
		}
	>();
	for (const r of rows) {
		const key = `${r.unitId}|${r.frameworkKey}|${r.subGoalId}`;
		let m = merged.get(key);
		if (!m)
			merged.set(
				key,
				(m = { unitId: r.unitId, frameworkKey: r.frameworkKey, subGoalId: r.subGoalId, byStatus: emptyCounts(), total: 0, overdue: 0 })
			);
		if (isActionStatus(r.status)) m.byStatus[r.status] += r.n;
		m.total += r.n;
		m.overdue += r.overdue;
	}
	return [...merged.values()];
}

/** The latest closed round of the organizer, if any. */
async function latestClosedRound(db: Db, organizerId: string, today: string) {
	const [row] = await db
		.select({ id: assessmentRounds.id, name: assessmentRounds.name, frameworkKey: assessmentRounds.frameworkKey })
		.from(assessmentRounds)
		.where(
			and(eq(assessmentRounds.organizerId, organizerId), or(lt(assessmentRounds.closesOn, today), isNotNull(assessmentRounds.closedAt)))
		)
		.orderBy(desc(assessmentRounds.closesOn))
		.limit(1);
	return row ?? null;
}

/** A unit's mean for a sub-goal: from the answers if shown, else from the agreed levels (the report's default view). */
function unitMean(report: RoundFigures, subGoalId: string, unitId: string): number | null {
	return report.subGoals[subGoalId]?.units[unitId]?.value ?? null;
}

/**
 * Every plan of a läsår the actor may read, rolled up by sub-goal: actions per status, overdue, which units plan
 * for it, and — for those who read the organizer's self-assessment report — the gaps: units where the sub-goal
 * is weak (mean below 2.5 in the latest closed round) whose plan has nothing for it.
 */
export async function rollUpPlans(
	db: Db,
	opts: {
		actor: Actor;
		organizerId: string;
		period: string;
		/** A round's figures, when the caller reads them too (the follow-up picture): read once. */
		figuresOf?: (roundId: string) => Promise<RoundFigures>;
	}
): Promise<RollUp> {
	const { actor, organizerId, period } = opts;
	authorize(actor, 'planning.view', { type: 'organizer', organizerId });
	const today = todayInStockholm();
	const readsReport = can(actor, 'assessment.organizer_report', { type: 'organizer', organizerId });
	// The round first (one small query), so that its report is read together with the plans.
	const round = readsReport ? await latestClosedRound(db, organizerId, today) : null;
	const [scopes, rows, options, report, goals, goalRows, goalSubGoals] = await readTogether(db, [
		() => loadPlanScopes(db, actor, organizerId),
		() => countLinkedActions(db, { organizerId, period, today }),
		() => loadLinkOptions(db, organizerId),
		() =>
			round
				? (opts.figuresOf?.(round.id) ?? readRoundFigures(db, { organizerId, roundId: round.id }))
				: Promise.resolve<RoundFigures | null>(null),
		() => listGoalOptions(db, organizerId),
		() => countGoalActions(db, { organizerId, period, today }),
		() =>
			db
				.select({
					goalId: planningGoalSubGoals.goalId,
					frameworkKey: planningGoalSubGoals.frameworkKey,
					subGoalId: planningGoalSubGoals.subGoalId
				})
				.from(planningGoalSubGoals)
				.where(eq(planningGoalSubGoals.organizerId, organizerId))
	]);
	const readable = new Map(scopes.filter((s) => s.canView).map((s) => [scopeKey(s.unitId), s]));

	const bySubGoal = new Map<
		LinkValue,
		{ units: Map<string, number>; organizer: number; byStatus: Record<ActionStatus, number>; overdue: number }
	>();
	const unitsWithActions = new Set<string>();
	for (const r of rows) {
		if (!readable.has(scopeKey(r.unitId))) continue;
		if (r.unitId) unitsWithActions.add(r.unitId);
		if (!r.frameworkKey || !r.subGoalId) continue;
		const value = linkValue({ frameworkKey: r.frameworkKey, subGoalId: r.subGoalId, itemKey: null });
		let entry = bySubGoal.get(value);
		if (!entry) {
			entry = { units: new Map(), organizer: 0, byStatus: emptyCounts(), overdue: 0 };
			bySubGoal.set(value, entry);
		}
		for (const st of ACTION_STATUSES) entry.byStatus[st] += r.byStatus[st];
		entry.overdue += r.overdue;
		if (r.unitId) entry.units.set(r.unitId, (entry.units.get(r.unitId) ?? 0) + r.total);
		else entry.organizer += r.total;
	}

	const nameOf = (unitId: string) => readable.get(unitId)?.name ?? '';
	// The sub-goals shown: those of the round's framework, and any other the plans link to.
	const shownValues = options.subGoals.filter(
		(o) => (report && o.frameworkKey === round!.frameworkKey && o.subGoalId !== '0') || bySubGoal.has(o.value)
	);
	const organizerMeanOf = (subGoalId: string) => report?.subGoals[subGoalId]?.organizer.mean ?? null;
	// Sub-goal id (of the round's framework) → readable unit → its mean, for the units weak in it.
	const weakUnits = new Map<string, Map<string, number>>();
	if (report)
		for (const o of options.subGoals) {
			if (o.frameworkKey !== round!.frameworkKey || o.subGoalId === '0') continue;
			const organizerMean = organizerMeanOf(o.subGoalId);
			const weak = new Map<string, number>();
			for (const unitId of report.unitIds) {
				const mean = unitMean(report, o.subGoalId, unitId);
				if (mean !== null && readable.has(unitId) && (mean < WEAK_BELOW || (organizerMean !== null && mean <= organizerMean - LAG)))
					weak.set(unitId, mean);
			}
			weakUnits.set(o.subGoalId, weak);
		}
	const unitOf = (unitId: string) => {
		const scope = readable.get(unitId);
		return scope ? { name: nameOf(unitId), canPlan: !!scope.canWrite } : null;
	};
	const serving = unitsServingGoals(goalRows.filter((r) => readable.has(scopeKey(r.unitId))));
	return {
		period,
		round: round ? { id: round.id, name: round.name } : null,
		goals: rollUpGoals(goals, goalRows, (unitId) => readable.has(scopeKey(unitId))).map((g) => {
			const subGoals = goalSubGoals
				.filter((l) => l.goalId === g.goalId && (!round || l.frameworkKey === round.frameworkKey))
				.map((l) => ({
					subGoalId: l.subGoalId,
					value: linkValue({ frameworkKey: l.frameworkKey, subGoalId: l.subGoalId, itemKey: null })
				}));
			return {
				...g,
				subGoalIds: subGoals.map((sg) => sg.subGoalId),
				gaps: report
					? findGoalGaps({
							subGoals,
							weakUnits,
							servingUnits: serving.get(g.goalId) ?? new Set(),
							plannedSubGoal: (value, unitId) => bySubGoal.get(value)?.units.has(unitId) ?? false,
							unit: unitOf
						})
					: []
			};
		}),
		rows: shownValues.map((o) => {
			const e = bySubGoal.get(o.value);
			const planned = e?.units ?? new Map<string, number>();
			const inRound = o.frameworkKey === round?.frameworkKey;
			const organizerMean = inRound ? organizerMeanOf(o.subGoalId) : null;
			const gaps: RollUpGap[] = [];
			if (inRound)
				for (const [unitId, mean] of weakUnits.get(o.subGoalId) ?? [])
					if (!planned.has(unitId)) gaps.push({ unitId, unitName: unitOf(unitId)!.name, mean, canPlan: unitOf(unitId)!.canPlan });
			return {
				value: o.value,
				subGoalId: o.subGoalId,
				title: o.title,
				byStatus: e?.byStatus ?? emptyCounts(),
				total: e ? ACTION_STATUSES.reduce((n, st) => n + e.byStatus[st], 0) : 0,
				overdue: e?.overdue ?? 0,
				organizerActions: e?.organizer ?? 0,
				units: [...planned]
					.map(([unitId, actions]) => ({ unitId, unitName: nameOf(unitId), actions }))
					.sort((a, b) => a.unitName.localeCompare(b.unitName, 'sv')),
				gaps: gaps.sort((a, b) => a.mean - b.mean),
				organizerMean
			};
		}),
		unitsWithoutActions: scopes
			.filter((s) => s.canView && s.unitId && report?.unitIds.includes(s.unitId) && !unitsWithActions.has(s.unitId))
			.map((s) => ({ unitId: s.unitId!, unitName: s.name ?? '' }))
	};
}
