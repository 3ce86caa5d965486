import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningGoalSubGoals, planningGoals } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { organizerPlan } from './organizer-plan';
import { isUuid } from '../../ids';

/**
 * Removes one of the organizer's strategic goals. Actions that served it stay, serving no goal; the audit
 * entry names them so the tie can be restored by hand.
 */
export async function removeGoal(db: Db, opts: { actor: Actor; organizerId: string; goalId: string }) {
	authorize(opts.actor, 'plan.write', organizerPlan(opts.organizerId));
	if (!isUuid(opts.goalId)) throw new AppError('NOT_FOUND', 'goal');
	await db.transaction(async (tx) => {
		const [goal] = await tx
			.select()
			.from(planningGoals)
			.where(and(eq(planningGoals.id, opts.goalId), eq(planningGoals.organizerId, opts.organizerId)))
			.for('update');
		if (!goal) throw new AppError('NOT_FOUND', 'goal');
		const freed = await tx
			.update(planningActions)
			.set({ goalId: null })
			.where(eq(planningActions.goalId, goal.id))
			.returning({ id: planningActions.id });
		await tx.delete(planningGoalSubGoals).where(eq(planningGoalSubGoals.goalId, goal.id));
		await tx.delete(planningGoals).where(eq(planningGoals.id, goal.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'goal.remove',
			entityType: 'planning_goal',
			entityId: goal.id,
			changes: { title: [goal.title, null], description: [goal.description, null], actionIds: [freed.map((a) => a.id), []] }
		});
	});
}
