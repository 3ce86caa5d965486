import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import type { Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { isActionStatus, isOverdue } from './statuses';
import { goalTitlesById } from './vision/goal-options';

/**
 * The actions of a plan (optionally of one status), soonest due first and undated last, with the responsible
 * person's name as the actor may see it (a protected identity is a pseudonym, decision 015) whether each is
 * overdue and the strategic goal it serves. Callers have read the plan with getPlan (which authorizes).
 */
export async function findPlanActions(db: Db, opts: { actor: Actor; organizerId: string; planId: string; status?: string | null }) {
	const today = todayInStockholm();
	const rows = await db
		.select({
			id: planningActions.id,
			title: planningActions.title,
			status: planningActions.status,
			startsOn: planningActions.startsOn,
			dueOn: planningActions.dueOn,
			responsibleId: planningActions.responsibleId,
			goalId: planningActions.goalId
		})
		.from(planningActions)
		.where(
			and(
				eq(planningActions.organizerId, opts.organizerId),
				eq(planningActions.planId, opts.planId),
				opts.status && isActionStatus(opts.status) ? eq(planningActions.status, opts.status) : undefined
			)
		)
		.orderBy(sql`${planningActions.dueOn} ASC NULLS LAST`, asc(planningActions.title), asc(planningActions.id));
	const goals = await goalTitlesById(
		db,
		opts.organizerId,
		rows.map((r) => r.goalId)
	);
	const names = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		personIds: rows.map((r) => r.responsibleId),
		via: 'planning'
	});
	return rows.map(({ responsibleId, goalId, ...r }) => ({
		...r,
		goalTitle: goalId ? (goals.get(goalId) ?? null) : null,
		responsibleName: names.get(responsibleId) ?? '',
		overdue: isOverdue(r, today)
	}));
}
