import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningChainSteps } from '../../db/schema';
import type { Actor } from '../../policies';
import { computeIndicators, newCaches, type IndicatorPoint } from './compute-indicators';
import type { IndicatorKind } from './effect-input';
import type { PlanScope } from '../plan-scopes';
import { findChains } from './find-chains';
import type { Movement } from './movement';

/** One indicator of a chain the actor may read, for an overview: its latest value and whether it moved. */
export type IndicatorChange = {
	chainId: string;
	chainTitle: string;
	unitId: string | null;
	unitName: string | null;
	stepKind: 'effect' | 'result';
	indicatorId: string;
	name: string;
	kind: IndicatorKind;
	/** Null when there is no value yet; `suppressed` when the anonymity rule hides it. */
	latest: IndicatorPoint | null;
	baseline: number | null;
	target: number | null;
	movement: Movement;
};

/**
 * Every indicator of the effect chains the actor may read in an organizer, with its latest value and
 * moved / not moved / too little to tell (for start-page overviews). Hidden figures stay hidden.
 */
export async function findIndicatorChanges(db: Db, actor: Actor, organizerId: string, scopes?: PlanScope[]): Promise<IndicatorChange[]> {
	const chains = await findChains(db, { actor, organizerId, scopes });
	if (!chains.length) return [];
	const steps = await db
		.select({ id: planningChainSteps.id, chainId: planningChainSteps.chainId, kind: planningChainSteps.kind })
		.from(planningChainSteps)
		.where(
			and(
				eq(planningChainSteps.organizerId, organizerId),
				inArray(
					planningChainSteps.chainId,
					chains.map((c) => c.id)
				)
			)
		);
	const caches = newCaches();
	const out: IndicatorChange[] = [];
	for (const chain of chains) {
		const own = steps.filter((s) => s.chainId === chain.id);
		const indicators = await computeIndicators(db, { organizerId, unitId: chain.unitId, stepIds: own.map((s) => s.id), caches });
		for (const i of indicators)
			out.push({
				chainId: chain.id,
				chainTitle: chain.title,
				unitId: chain.unitId,
				unitName: chain.unitName,
				stepKind: own.find((s) => s.id === i.stepId)!.kind as 'effect' | 'result',
				indicatorId: i.id,
				name: i.name,
				kind: i.kind,
				latest: i.latest,
				baseline: i.baseline.value,
				target: i.target.value,
				movement: i.movement
			});
	}
	return out;
}
