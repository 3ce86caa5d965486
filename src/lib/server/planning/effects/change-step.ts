import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningChainSteps, planningEffectChains } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../policies';
import { parseStep } from './effect-input';
import { getChain, stepOf } from './get-chain';

type Opts = { actor: Actor; organizerId: string; chainId: string; input: Record<string, unknown> };

/** Adds a result to a chain (last in order): what has to be true on the way to the effect. Audited. */
export async function addResult(db: Db, opts: Opts) {
	const { text } = parseStep(opts.input);
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const [step] = await tx
			.insert(planningChainSteps)
			.values({
				organizerId: opts.organizerId,
				chainId: chain.id,
				kind: 'result',
				text,
				position: Math.max(0, ...chain.steps.map((s) => s.position)) + 1
			})
			.returning();
		await tx
			.update(planningEffectChains)
			.set({ updatedAt: sql`now()` })
			.where(eq(planningEffectChains.id, chain.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'effect_chain.add_result',
			entityType: 'planning_effect_chain',
			entityId: chain.id,
			changes: { stepId: [null, step.id], text: [null, text] }
		});
		return step;
	});
}

/** Rewrites the text of a chain's effect or one of its results. Audited with before and after. */
export async function updateStep(db: Db, opts: Opts & { stepId: string }) {
	const { text } = parseStep(opts.input);
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const step = stepOf(chain, opts.stepId);
		await tx
			.update(planningChainSteps)
			.set({ text })
			.where(and(eq(planningChainSteps.id, step.id), eq(planningChainSteps.organizerId, opts.organizerId)));
		await tx
			.update(planningEffectChains)
			.set({ updatedAt: sql`now()` })
			.where(eq(planningEffectChains.id, chain.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'effect_chain.update_step',
			entityType: 'planning_effect_chain',
			entityId: chain.id,
			changes: { stepId: [step.id, step.id], text: [step.text, text] }
		});
	});
}
