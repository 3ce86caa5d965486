import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions, planningPlans } from '../db/schema';
import { ACTION_STATUSES, OPEN_STATUSES, isActionStatus, type ActionStatus } from './statuses';

export type GoalRollUpRow = {
	goalId: string;
	title: string;
	byStatus: Record<ActionStatus, number>;
	total: number;
	overdue: number;
	/** Readable units whose plan has an action serving the goal. */
	units: number;
	organizerActions: number;
	/** The national sub-goals the goal serves (ids, of the round's framework when there is one). */
	subGoalIds: string[];
	/** Readable units weak in one of the goal's sub-goals whose plan does nothing for the goal or those sub-goals. */
	gaps: GoalGap[];
};

/** A unit weak in a goal's sub-goals (weakest first, with its mean) that plans nothing for it. */
export type GoalGap = { unitId: string; unitName: string; weak: { subGoalId: string; value: string; mean: number }[]; canPlan: boolean };

type Counted = { goalId: string; unitId: string | null; status: string; n: number; overdue: number };

/** Actions of a läsår per strategic goal, plan scope and status (one grouped query). */
export async function countGoalActions(db: Db, opts: { organizerId: string; period: string; today: string }): Promise<Counted[]> {
	const open = sql.join(
		OPEN_STATUSES.map((s) => sql`${s}`),
		sql`, `
	);
	return db
		.select({
			goalId: sql<string>`${planningActions.goalId}`,
			unitId: planningPlans.unitId,
			status: planningActions.status,
			n: sql<number>`count(*)`.mapWith(Number),
			overdue:
				sql<number>`count(*) FILTER (WHERE ${planningActions.dueOn} < ${opts.today}::date AND ${planningActions.status} IN (${open}))`.mapWith(
					Number
				)
		})
		.from(planningActions)
		.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
		.where(and(eq(planningActions.organizerId, opts.organizerId), eq(planningPlans.period, opts.period), isNotNull(planningActions.goalId)))
		.groupBy(planningActions.goalId, planningPlans.unitId, planningActions.status);
}

/**
 * Every strategic goal with what the plans the reader may read do for it: actions per status, overdue, and
 * how many units plan for it. A goal nothing serves is kept (with zeros): that is what the roll-up is for.
 */
export function rollUpGoals(
	goals: { value: string; label: string }[],
	rows: Counted[],
	readable: (unitId: string | null) => boolean
): GoalRollUpRow[] {
	return goals.map((g) => {
		const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
		const units = new Set<string>();
		let overdue = 0;
		let organizerActions = 0;
		let total = 0;
		for (const r of rows) {
			if (r.goalId !== g.value || !readable(r.unitId)) continue;
			if (isActionStatus(r.status)) byStatus[r.status] += r.n;
			total += r.n;
			overdue += r.overdue;
			if (r.unitId) units.add(r.unitId);
			else organizerActions += r.n;
		}
		return { goalId: g.value, title: g.label, byStatus, total, overdue, units: units.size, organizerActions, subGoalIds: [], gaps: [] };
	});
}

/** The units (ids) whose readable plan has an action serving each goal. */
export function unitsServingGoals(rows: Counted[]): Map<string, Set<string>> {
	const serving = new Map<string, Set<string>>();
	for (const r of rows) {
		if (!r.unitId) continue;
		let set = serving.get(r.goalId);
		if (!set) serving.set(r.goalId, (set = new Set()));
		set.add(r.unitId);
	}
	return serving;
}

/**
 * The gaps of one strategic goal: each unit that is weak in at least one sub-goal the goal serves (`weakUnits`:
 * sub-goal id → unit id → mean) and whose plan neither serves the goal nor has an action linked to one of those
 * sub-goals (`plannedSubGoal`). The weakest sub-goal comes first, and the weakest unit first.
 */
export function findGoalGaps(opts: {
	subGoals: { subGoalId: string; value: string }[];
	weakUnits: Map<string, Map<string, number>>;
	servingUnits: Set<string>;
	plannedSubGoal: (value: string, unitId: string) => boolean;
	unit: (unitId: string) => { name: string; canPlan: boolean } | null;
}): GoalGap[] {
	const byUnit = new Map<string, GoalGap['weak']>();
	for (const sg of opts.subGoals)
		for (const [unitId, mean] of opts.weakUnits.get(sg.subGoalId) ?? []) {
			const list = byUnit.get(unitId) ?? [];
			list.push({ subGoalId: sg.subGoalId, value: sg.value, mean });
			byUnit.set(unitId, list);
		}
	const gaps: GoalGap[] = [];
	for (const [unitId, weak] of byUnit) {
		const unit = opts.unit(unitId);
		if (!unit || opts.servingUnits.has(unitId)) continue;
		if (opts.subGoals.some((sg) => opts.plannedSubGoal(sg.value, unitId))) continue;
		weak.sort((a, b) => a.mean - b.mean);
		gaps.push({ unitId, unitName: unit.name, weak, canPlan: unit.canPlan });
	}
	return gaps.sort((a, b) => a.weak[0].mean - b.weak[0].mean || a.unitName.localeCompare(b.unitName, 'sv'));
}
