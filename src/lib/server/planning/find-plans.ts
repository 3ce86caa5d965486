import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions, planningPlans } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { todayInStockholm } from '../auth/load-actor';
import { loadPlanScopes, scopeKey, type PlanScope } from './plan-scopes';
import { ACTION_STATUSES, OPEN_STATUSES, type ActionStatus } from './statuses';

/**
 * The overview of a läsår: the organizer's plan and every unit plan the actor may read, in tree order,
 * each with its plan (if made yet), counts per status and how many open actions are past their due date,
 * and whether the actor may add actions there. `scopes`: the actor's plan scopes, when the caller has them.
 */
export async function findPlans(db: Db, opts: { actor: Actor; organizerId: string; period: string; scopes?: PlanScope[] }) {
	authorize(opts.actor, 'planning.view', { type: 'organizer', organizerId: opts.organizerId });
	const today = todayInStockholm();
	const [scopes, plans, counts] = await Promise.all([
		opts.scopes ?? loadPlanScopes(db, opts.actor, opts.organizerId),
		db
			.select({ id: planningPlans.id, unitId: planningPlans.unitId })
			.from(planningPlans)
			.where(and(eq(planningPlans.organizerId, opts.organizerId), eq(planningPlans.period, opts.period))),
		db
			.select({
				planId: planningActions.planId,
				status: planningActions.status,
				n: count(),
				overdue: sql<number>`count(*) FILTER (WHERE ${planningActions.dueOn} < ${today}::date AND ${planningActions.status} IN (${sql.join(
					OPEN_STATUSES.map((s) => sql`${s}`),
					sql`, `
				)}))`.mapWith(Number)
			})
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.where(and(eq(planningActions.organizerId, opts.organizerId), eq(planningPlans.period, opts.period)))
			.groupBy(planningActions.planId, planningActions.status)
	]);
	const planOf = new Map(plans.map((p) => [scopeKey(p.unitId), p.id]));
	return scopes
		.filter((s) => s.canView)
		.map((s) => {
			const planId = planOf.get(scopeKey(s.unitId)) ?? null;
			const mine = counts.filter((c) => c.planId === planId);
			const byStatus = Object.fromEntries(ACTION_STATUSES.map((st) => [st, mine.find((c) => c.status === st)?.n ?? 0])) as Record<
				ActionStatus,
				number
			>;
			return {
				scope: scopeKey(s.unitId),
				unitName: s.name,
				depth: s.depth,
				planId,
				canWrite: s.canWrite,
				byStatus,
				total: mine.reduce((sum, c) => sum + c.n, 0),
				overdue: mine.reduce((sum, c) => sum + c.overdue, 0)
			};
		});
}
