import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { people, planningActions } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { isActionStatus, isOverdue } from './statuses';

/**
 * The actions of a plan (optionally of one status), soonest due first and undated last, with the responsible
 * person's name and whether each is overdue. Callers have read the plan with getPlan (which authorizes).
 */
export async function findPlanActions(db: Db, opts: { organizerId: string; planId: string; status?: string | null }) {
	const today = todayInStockholm();
	const rows = await db
		.select({
			id: planningActions.id,
			title: planningActions.title,
			status: planningActions.status,
			startsOn: planningActions.startsOn,
			dueOn: planningActions.dueOn,
			responsibleName: people.name
		})
		.from(planningActions)
		.innerJoin(people, eq(people.id, planningActions.responsibleId))
		.where(
			and(
				eq(planningActions.organizerId, opts.organizerId),
				eq(planningActions.planId, opts.planId),
				opts.status && isActionStatus(opts.status) ? eq(planningActions.status, opts.status) : undefined
			)
		)
		.orderBy(sql`${planningActions.dueOn} ASC NULLS LAST`, asc(planningActions.title), asc(planningActions.id));
	return rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
}
