import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningActions, planningDecisions } from '../../db/schema';
import { OPEN_STATUSES } from '../statuses';

export type CarriedItem =
	| { kind: 'decision'; title: string; decisionId: string; actionId: null }
	| { kind: 'overdue'; title: string; decisionId: null; actionId: string };

/**
 * What a forum's next meeting must come back to, in order: (a) the forum's decisions that are still open,
 * oldest first, and (b) actions past their due date and not finished (planned, in progress, on hold) whose
 * responsible person is one of the forum's members, earliest due first. An action that an open decision
 * already points at comes once, with its decision.
 */
export async function selectCarryOver(
	db: Db,
	opts: { organizerId: string; forumId: string; memberIds: string[]; today: string }
): Promise<CarriedItem[]> {
	const decisions = await db
		.select({ id: planningDecisions.id, text: planningDecisions.text, actionId: planningDecisions.actionId })
		.from(planningDecisions)
		.where(
			and(
				eq(planningDecisions.organizerId, opts.organizerId),
				eq(planningDecisions.forumId, opts.forumId),
				eq(planningDecisions.status, 'open')
			)
		)
		.orderBy(asc(planningDecisions.createdAt), asc(planningDecisions.id));
	const overdue = opts.memberIds.length
		? await db
				.select({ id: planningActions.id, title: planningActions.title })
				.from(planningActions)
				.where(
					and(
						eq(planningActions.organizerId, opts.organizerId),
						inArray(planningActions.responsibleId, opts.memberIds),
						inArray(planningActions.status, [...OPEN_STATUSES]),
						lt(planningActions.dueOn, opts.today)
					)
				)
				.orderBy(asc(planningActions.dueOn), asc(planningActions.id))
		: [];
	const followed = new Set(decisions.flatMap((d) => (d.actionId ? [d.actionId] : [])));
	return [
		...decisions.map((d): CarriedItem => ({ kind: 'decision', title: d.text, decisionId: d.id, actionId: null })),
		...overdue
			.filter((a) => !followed.has(a.id))
			.map((a): CarriedItem => ({ kind: 'overdue', title: a.title, decisionId: null, actionId: a.id }))
	];
}
