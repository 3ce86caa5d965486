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
};

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
		return { goalId: g.value, title: g.label, byStatus, total, overdue, units: units.size, organizerActions };
	});
}
