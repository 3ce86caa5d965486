import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	planningChainStepActions,
	planningChainSteps,
	planningEffectChains,
	planningIndicatorMeasurements,
	planningIndicators
} from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { getChain } from './get-chain';
import { indicatorOf } from './save-indicator';

type Opts = { actor: Actor; organizerId: string; chainId: string };

/**
 * Removes one of a chain's results with its indicators and their measurements; the actions linked to it stay
 * in their plans, only the link goes. The effect cannot be removed (a chain is built around it): INVALID.
 * Audited with the text, the indicators' names and the freed actions, so the step can be written again by hand.
 */
export async function removeStep(db: Db, opts: Opts & { stepId: string }) {
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const step = chain.steps.find((s) => s.id === opts.stepId);
		if (!step) throw new AppError('NOT_FOUND', 'step');
		if (step.kind === 'effect') throw new AppError('INVALID', 'step', [{ field: 'stepId', message: 'effects_error_remove_effect' }]);
		const indicators = await tx
			.select({ id: planningIndicators.id, name: planningIndicators.name })
			.from(planningIndicators)
			.where(and(eq(planningIndicators.stepId, step.id), eq(planningIndicators.organizerId, opts.organizerId)));
		const indicatorIds = indicators.map((i) => i.id);
		if (indicatorIds.length) {
			await tx.delete(planningIndicatorMeasurements).where(inArray(planningIndicatorMeasurements.indicatorId, indicatorIds));
			await tx.delete(planningIndicators).where(inArray(planningIndicators.id, indicatorIds));
		}
		const links = await tx
			.delete(planningChainStepActions)
			.where(eq(planningChainStepActions.stepId, step.id))
			.returning({ actionId: planningChainStepActions.actionId });
		await tx.delete(planningChainSteps).where(eq(planningChainSteps.id, step.id));
		await touch(tx, chain.id);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'effect_chain.remove_step',
			entityType: 'planning_effect_chain',
			entityId: chain.id,
			changes: {
				stepId: [step.id, null],
				text: [step.text, null],
				indicators: [indicators.map((i) => i.name), []],
				actionIds: [links.map((l) => l.actionId), []]
			}
		});
	});
}

/** Removes an indicator and its measurements from a chain. Audited with its name, kind, baseline and target. */
export async function removeIndicator(db: Db, opts: Opts & { indicatorId: string }) {
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const indicator = await indicatorOf(tx, opts.organizerId, chain, opts.indicatorId);
		const measurements = await tx
			.delete(planningIndicatorMeasurements)
			.where(eq(planningIndicatorMeasurements.indicatorId, indicator.id))
			.returning({ id: planningIndicatorMeasurements.id });
		await tx.delete(planningIndicators).where(eq(planningIndicators.id, indicator.id));
		await touch(tx, chain.id);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'indicator.remove',
			entityType: 'planning_indicator',
			entityId: indicator.id,
			changes: {
				name: [indicator.name, null],
				kind: [indicator.kind, null],
				baselineValue: [indicator.baselineValue, null],
				targetValue: [indicator.targetValue, null],
				measurements: [measurements.length, 0]
			}
		});
	});
}

async function touch(tx: Db, chainId: string) {
	await tx
		.update(planningEffectChains)
		.set({ updatedAt: sql`now()` })
		.where(eq(planningEffectChains.id, chainId));
}
