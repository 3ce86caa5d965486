import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningGoalSubGoals, planningGoals } from '../../db/schema';
import { localize } from '../../assessment/consensus/localize';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadLinkOptions } from '../framework-links';
import { organizerPlan } from './organizer-plan';
import { isUuid } from '../../ids';

/**
 * What the goal form needs, for those who write the organizer plan: the sub-goals of the organizer's
 * framework as checkbox groups per framework, and the goal's current values (goalId "ny": a new goal).
 */
export async function loadGoalForm(db: Db, opts: { actor: Actor; organizerId: string; goalId: string; locale: string }) {
	const { organizerId, goalId, locale } = opts;
	authorize(opts.actor, 'plan.write', organizerPlan(organizerId));
	let goal: { id: string; title: string; description: string; position: number } | null = null;
	let subGoals: string[] = [];
	if (goalId !== 'ny') {
		if (!isUuid(goalId)) throw new AppError('NOT_FOUND', 'goal');
		[goal] = await db
			.select({
				id: planningGoals.id,
				title: planningGoals.title,
				description: planningGoals.description,
				position: planningGoals.position
			})
			.from(planningGoals)
			.where(and(eq(planningGoals.id, goalId), eq(planningGoals.organizerId, organizerId)));
		if (!goal) throw new AppError('NOT_FOUND', 'goal');
		subGoals = (await db.select().from(planningGoalSubGoals).where(eq(planningGoalSubGoals.goalId, goal.id))).map(
			(l) => `${l.frameworkKey}:${l.subGoalId}`
		);
	}
	const groups = new Map<string, { key: string; legend: string; options: { value: string; label: string }[] }>();
	for (const s of (await loadLinkOptions(db, organizerId)).subGoals) {
		const g = groups.get(s.frameworkKey) ?? { key: s.frameworkKey, legend: localize(s.frameworkTitle, locale), options: [] };
		g.options.push({ value: s.value, label: `${s.subGoalId} ${localize(s.title, locale)}` });
		groups.set(s.frameworkKey, g);
	}
	return {
		goal: goal ? { id: goal.id, title: goal.title } : null,
		values: { title: goal?.title ?? '', description: goal?.description ?? '', position: goal ? String(goal.position) : '' },
		subGoals,
		groups: [...groups.values()]
	};
}
