import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningChainStepActions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, isAppError } from '../../errors';
import { can, type Actor } from '../../policies';
import { getAction } from '../get-action';
import { getChain, stepOf } from './get-chain';
import { isUuid } from '../../ids';

type Opts = { actor: Actor; organizerId: string; chainId: string; input: { stepId?: unknown; actionId?: unknown } };

/**
 * Links a planning action (an activity) to a step of the chain. The action must belong to the organizer
 * and sit in a plan the actor may read; otherwise INVALID beside the field, nothing written. Linking twice
 * changes nothing. Audited.
 */
export async function linkAction(db: Db, opts: Opts) {
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const step = stepOf(chain, opts.input.stepId);
		const refused = new AppError('INVALID', 'action', [{ field: 'actionId', message: 'effects_error_action' }]);
		const action = await getAction(tx, { organizerId: opts.organizerId, actionId: String(opts.input.actionId ?? '') }).catch((e) => {
			throw isAppError(e) && e.code === 'NOT_FOUND' ? refused : e;
		});
		if (!can(opts.actor, 'plan.view', action.resource)) throw refused;
		const added = await tx
			.insert(planningChainStepActions)
			.values({ stepId: step.id, actionId: action.action.id, organizerId: opts.organizerId })
			.onConflictDoNothing()
			.returning();
		if (added.length)
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: opts.actor.personId,
				action: 'effect_chain.link_action',
				entityType: 'planning_effect_chain',
				entityId: chain.id,
				changes: { stepId: [null, step.id], actionId: [null, action.action.id] }
			});
	});
}

/** Removes an action's link from a step of the chain. Audited when there was one. */
export async function unlinkAction(db: Db, opts: Opts) {
	return db.transaction(async (tx) => {
		const chain = await getChain(tx, { ...opts, need: 'plan.write', lock: true });
		const step = stepOf(chain, opts.input.stepId);
		const actionId = String(opts.input.actionId ?? '');
		if (!isUuid(actionId)) return;
		const removed = await tx
			.delete(planningChainStepActions)
			.where(
				and(
					eq(planningChainStepActions.stepId, step.id),
					eq(planningChainStepActions.actionId, actionId),
					eq(planningChainStepActions.organizerId, opts.organizerId)
				)
			)
			.returning();
		if (removed.length)
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: opts.actor.personId,
				action: 'effect_chain.unlink_action',
				entityType: 'planning_effect_chain',
				entityId: chain.id,
				changes: { stepId: [step.id, null], actionId: [actionId, null] }
			});
	});
}
