import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningGoalSubGoals, planningGoals } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseGoal, type GoalInput } from './goal-input';
import { organizerPlan } from './organizer-plan';
import { isUuid } from '../../ids';

const subGoalValues = (rows: { frameworkKey: string; subGoalId: string }[]) => rows.map((r) => `${r.frameworkKey}:${r.subGoalId}`).sort();

/**
 * Adds a strategic goal (goalId absent) or changes one of the organizer's. Title required, tied to at least
 * one sub-goal of the organizer's framework; INVALID beside the field otherwise, nothing written. A new goal
 * without a position goes last. Audited (goal.create / goal.update with before and after).
 */
export async function saveGoal(db: Db, opts: { actor: Actor; organizerId: string; goalId?: string; input: GoalInput }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'plan.write', organizerPlan(organizerId));
	const goal = await parseGoal(db, organizerId, opts.input);
	return db.transaction(async (tx) => {
		const links = (goalId: string) => goal.subGoals.map((s) => ({ ...s, goalId, organizerId }));
		if (!opts.goalId) {
			const [{ next }] = await tx
				.select({ next: sql<number>`coalesce(max(${planningGoals.position}), 0) + 1` })
				.from(planningGoals)
				.where(eq(planningGoals.organizerId, organizerId));
			const [row] = await tx
				.insert(planningGoals)
				.values({
					organizerId,
					title: goal.title,
					description: goal.description,
					position: goal.position ?? Number(next),
					createdBy: actor.personId
				})
				.returning();
			await tx.insert(planningGoalSubGoals).values(links(row.id));
			const after = { title: row.title, description: row.description, position: row.position, subGoals: subGoalValues(goal.subGoals) };
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'goal.create',
				entityType: 'planning_goal',
				entityId: row.id,
				changes: diffFields(null, after, ['title', 'description', 'position', 'subGoals'])
			});
			return row;
		}
		if (!isUuid(opts.goalId)) throw new AppError('NOT_FOUND', 'goal');
		const [current] = await tx
			.select()
			.from(planningGoals)
			.where(and(eq(planningGoals.id, opts.goalId), eq(planningGoals.organizerId, organizerId)))
			.for('update');
		if (!current) throw new AppError('NOT_FOUND', 'goal');
		const beforeLinks = await tx.select().from(planningGoalSubGoals).where(eq(planningGoalSubGoals.goalId, current.id));
		const before = {
			title: current.title,
			description: current.description,
			position: current.position,
			subGoals: subGoalValues(beforeLinks)
		};
		const after = {
			title: goal.title,
			description: goal.description,
			position: goal.position ?? current.position,
			subGoals: subGoalValues(goal.subGoals)
		};
		const changes = diffFields(before, after, ['title', 'description', 'position', 'subGoals']);
		if (!Object.keys(changes).length) return current;
		const [row] = await tx
			.update(planningGoals)
			.set({ title: after.title, description: after.description, position: after.position, updatedAt: new Date() })
			.where(eq(planningGoals.id, current.id))
			.returning();
		await tx.delete(planningGoalSubGoals).where(eq(planningGoalSubGoals.goalId, current.id));
		await tx.insert(planningGoalSubGoals).values(links(current.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'goal.update',
			entityType: 'planning_goal',
			entityId: current.id,
			changes
		});
		return row;
	});
}
