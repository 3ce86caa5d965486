import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningChainSteps, planningEffectChains, units } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor, type PlanResource } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { isUuid } from '../../ids';

/**
 * An effect chain of the organizer with its steps (the effect first, then the results in order), its unit's
 * name and its policy resource: read with `plan.view`, changed with `plan.write`, like the scope's plan.
 * NOT_FOUND for another organizer's chain or a malformed id; FORBIDDEN where the actor may not `need`.
 */
export async function getChain(
	db: Db,
	opts: { actor: Actor; organizerId: string; chainId: string; need?: 'plan.view' | 'plan.write'; lock?: boolean }
) {
	if (!isUuid(opts.chainId)) throw new AppError('NOT_FOUND', 'chain');
	const query = db
		.select({ chain: planningEffectChains, unitName: units.name })
		.from(planningEffectChains)
		.leftJoin(units, eq(units.id, planningEffectChains.unitId))
		.where(and(eq(planningEffectChains.id, opts.chainId), eq(planningEffectChains.organizerId, opts.organizerId)));
	const [row] = opts.lock ? await query.for('update', { of: planningEffectChains }) : await query;
	if (!row) throw new AppError('NOT_FOUND', 'chain');
	const ancestorIds = row.chain.unitId ? await loadAncestorIds(db, opts.organizerId, row.chain.unitId) : [];
	const resource: PlanResource = { type: 'plan', organizerId: opts.organizerId, unitId: row.chain.unitId, ancestorIds };
	authorize(opts.actor, opts.need ?? 'plan.view', resource);
	const steps = await db
		.select()
		.from(planningChainSteps)
		.where(and(eq(planningChainSteps.chainId, row.chain.id), eq(planningChainSteps.organizerId, opts.organizerId)))
		.orderBy(asc(planningChainSteps.position), asc(planningChainSteps.createdAt));
	return { ...row.chain, unitName: row.unitName, resource, canWrite: can(opts.actor, 'plan.write', resource), steps };
}

export type Chain = Awaited<ReturnType<typeof getChain>>;

/** A step of the chain, or INVALID on `field` (a step id sent from elsewhere). */
export function stepOf(chain: Chain, stepId: unknown, field = 'stepId') {
	const step = chain.steps.find((s) => s.id === stepId);
	if (!step) throw new AppError('INVALID', 'step', [{ field, message: 'effects_error_step_unknown' }]);
	return step;
}
