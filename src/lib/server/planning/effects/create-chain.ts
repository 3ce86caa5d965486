import type { Db } from '../../db';
import { planningChainSteps, planningEffectChains } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadPlanScopes } from '../plan-scopes';
import { parseChain } from './effect-input';

/**
 * Starts an effect chain for a scope (the organizer, "organizer", or a unit id) with its effect: what should
 * differ for students or staff. A scope the actor may not plan for: INVALID beside the field. Audited.
 */
export async function createChain(db: Db, opts: { actor: Actor; organizerId: string; input: Record<string, unknown> }) {
	authorize(opts.actor, 'planning.view', { type: 'organizer', organizerId: opts.organizerId });
	const input = parseChain(opts.input);
	const scopes = await loadPlanScopes(db, opts.actor, opts.organizerId);
	const scope = scopes.find((s) => (s.unitId ?? 'organizer') === input.scope);
	if (!scope?.canWrite) throw new AppError('INVALID', 'scope', [{ field: 'scope', message: 'effects_error_scope' }]);
	authorize(opts.actor, 'plan.write', scope.resource);
	return db.transaction(async (tx) => {
		const [chain] = await tx
			.insert(planningEffectChains)
			.values({
				organizerId: opts.organizerId,
				unitId: scope.unitId,
				title: input.title,
				resources: input.resources,
				createdBy: opts.actor.personId
			})
			.returning();
		await tx
			.insert(planningChainSteps)
			.values({ organizerId: opts.organizerId, chainId: chain.id, kind: 'effect', text: input.effect, position: 0 });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'effect_chain.create',
			entityType: 'planning_effect_chain',
			entityId: chain.id,
			changes: {
				unitId: [null, scope.unitId],
				title: [null, input.title],
				effect: [null, input.effect],
				resources: [null, input.resources]
			}
		});
		return chain;
	});
}
