import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { planningPlans, units } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor, type PlanResource } from '../policies';
import { loadAncestorIds } from '../org/load-ancestor-ids';
import { isUuid } from '../ids';

/**
 * A plan of the organizer the actor may read, with its unit's name and its policy resource.
 * NOT_FOUND for another organizer's plan or a malformed id; FORBIDDEN for a plan the actor may not read.
 */
export async function getPlan(db: Db, opts: { actor: Actor; organizerId: string; planId: string }) {
	if (!isUuid(opts.planId)) throw new AppError('NOT_FOUND', 'plan');
	const [row] = await db
		.select({ plan: planningPlans, unitName: units.name })
		.from(planningPlans)
		.leftJoin(units, eq(units.id, planningPlans.unitId))
		.where(and(eq(planningPlans.id, opts.planId), eq(planningPlans.organizerId, opts.organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'plan');
	const ancestorIds = row.plan.unitId ? await loadAncestorIds(db, opts.organizerId, row.plan.unitId) : [];
	const resource: PlanResource = { type: 'plan', organizerId: opts.organizerId, unitId: row.plan.unitId, ancestorIds };
	authorize(opts.actor, 'plan.view', resource);
	return { ...row.plan, unitName: row.unitName, resource };
}
