import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningGoalSubGoals, planningGoals, planningPlans, planningVisions } from '../../db/schema';
import { localize } from '../../assessment/consensus/localize';
import { authorize, can, type Actor } from '../../policies';
import { loadLinkOptions } from '../framework-links';
import { loadPlanScopes } from '../plan-scopes';
import { ACTION_STATUSES, type ActionStatus } from '../statuses';
import { organizerPlan } from './organizer-plan';

/**
 * The organizer's vision and strategic goals for everyone who reads the organizer plan: each goal with
 * its sub-goals (texts in the user's language), how many actions serve it per status (all of them, a
 * count reveals nothing) and links to the ones whose plan the actor may read.
 */
export async function getVision(db: Db, opts: { actor: Actor; organizerId: string; locale: string }) {
	const { actor, organizerId, locale } = opts;
	authorize(actor, 'plan.view', organizerPlan(organizerId));
	const [[vision], goals, links, options, actions, scopes] = await Promise.all([
		db.select().from(planningVisions).where(eq(planningVisions.organizerId, organizerId)),
		db
			.select()
			.from(planningGoals)
			.where(eq(planningGoals.organizerId, organizerId))
			.orderBy(asc(planningGoals.position), asc(planningGoals.createdAt)),
		db.select().from(planningGoalSubGoals).where(eq(planningGoalSubGoals.organizerId, organizerId)),
		loadLinkOptions(db, organizerId),
		db
			.select({
				id: planningActions.id,
				title: planningActions.title,
				status: planningActions.status,
				goalId: planningActions.goalId,
				unitId: planningPlans.unitId,
				period: planningPlans.period
			})
			.from(planningActions)
			.innerJoin(planningPlans, eq(planningPlans.id, planningActions.planId))
			.where(and(eq(planningActions.organizerId, organizerId), isNotNull(planningActions.goalId)))
			.orderBy(asc(planningPlans.period), asc(planningActions.title)),
		loadPlanScopes(db, actor, organizerId)
	]);
	const readable = new Set(scopes.filter((s) => s.canView).map((s) => s.unitId));
	const subGoalTitle = new Map(options.subGoals.map((s) => [s.value, `${s.subGoalId} ${localize(s.title, locale)}`]));
	return {
		text: vision?.text ?? '',
		canWrite: can(actor, 'plan.write', organizerPlan(organizerId)),
		goals: goals.map((g) => {
			const mine = actions.filter((a) => a.goalId === g.id);
			const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
			for (const a of mine) if (a.status in byStatus) byStatus[a.status as ActionStatus]++;
			return {
				id: g.id,
				title: g.title,
				description: g.description,
				position: g.position,
				subGoals: links
					.filter((l) => l.goalId === g.id)
					.map((l) => {
						const value = `${l.frameworkKey}:${l.subGoalId}`;
						return { value, label: subGoalTitle.get(value) ?? l.subGoalId };
					})
					.sort((a, b) => a.label.localeCompare(b.label, 'sv', { numeric: true })),
				total: mine.length,
				byStatus,
				actions: mine.filter((a) => readable.has(a.unitId)).map((a) => ({ id: a.id, title: a.title, status: a.status, period: a.period }))
			};
		})
	};
}
