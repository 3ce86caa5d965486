import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningCycleMembers, planningCycles, units } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor, type PlanResource } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { isUuid } from '../../ids';

/**
 * A cycle of the organizer the actor may read, with its unit's name, its working group's ids, its policy
 * resource and whether the actor may write in it. NOT_FOUND for another organizer's cycle or a malformed
 * id; FORBIDDEN for one the actor may not read. `lock` takes a row lock (for writes in a transaction).
 */
export async function getCycle(db: Db, opts: { actor: Actor; organizerId: string; cycleId: string; lock?: boolean }) {
	if (!isUuid(opts.cycleId)) throw new AppError('NOT_FOUND', 'cycle');
	const query = db
		.select({ cycle: planningCycles, unitName: units.name })
		.from(planningCycles)
		.leftJoin(units, eq(units.id, planningCycles.unitId))
		.where(and(eq(planningCycles.id, opts.cycleId), eq(planningCycles.organizerId, opts.organizerId)));
	const [row] = opts.lock ? await query.for('update', { of: planningCycles }) : await query;
	if (!row) throw new AppError('NOT_FOUND', 'cycle');
	const members = await db
		.select({ personId: planningCycleMembers.personId })
		.from(planningCycleMembers)
		.where(eq(planningCycleMembers.cycleId, row.cycle.id));
	const ancestorIds = row.cycle.unitId ? await loadAncestorIds(db, opts.organizerId, row.cycle.unitId) : [];
	const resource: PlanResource = {
		type: 'plan',
		organizerId: opts.organizerId,
		unitId: row.cycle.unitId,
		ancestorIds,
		groupIds: members.map((m) => m.personId)
	};
	authorize(opts.actor, 'cycle.view', resource);
	return {
		...row.cycle,
		unitName: row.unitName,
		memberIds: resource.groupIds!,
		resource,
		canWrite: can(opts.actor, 'cycle.write', resource),
		canPlan: can(opts.actor, 'plan.write', resource)
	};
}

export type Cycle = Awaited<ReturnType<typeof getCycle>>;
