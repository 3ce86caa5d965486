import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { planningActions, planningPlans } from '../db/schema';
import { AppError } from '../errors';
import type { PlanResource } from '../policies';
import { loadAncestorIds } from '../org/load-ancestor-ids';
import { isUuid } from '../ids';

/**
 * An action of the organizer with its plan and the plan's policy resource (naming the responsible person).
 * NOT_FOUND for another organizer's action or a malformed id; `lock` locks the row for a change.
 */
export async function getAction(db: Db, opts: { organizerId: string; actionId: string; lock?: boolean }) {
	if (!isUuid(opts.actionId)) throw new AppError('NOT_FOUND', 'action');
	const query = db
		.select({ action: planningActions, plan: planningPlans })
		.from(planningActions)
		.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
		.where(and(eq(planningActions.id, opts.actionId), eq(planningActions.organizerId, opts.organizerId)));
	const [row] = opts.lock ? await query.for('update', { of: planningActions }) : await query;
	if (!row) throw new AppError('NOT_FOUND', 'action');
	const ancestorIds = row.plan.unitId ? await loadAncestorIds(db, opts.organizerId, row.plan.unitId) : [];
	const resource: PlanResource = {
		type: 'plan',
		organizerId: opts.organizerId,
		unitId: row.plan.unitId,
		ancestorIds,
		responsibleId: row.action.responsibleId
	};
	return { ...row, resource };
}
