import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningDecisions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { DECISION_STATUSES, type DecisionStatus } from './forum-input';
import { getForum } from './get-forum';
import { isUuid } from '../../ids';

/**
 * Marks a forum's decision open, done or dropped: how the forum follows its decisions up, after the minutes
 * too. The forum's managers, and the decision's owner while they read the forum. Audited as decision.status.
 */
export async function changeDecisionStatus(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; decisionId: string; status: string }
) {
	const forum = await getForum(db, opts);
	if (!(DECISION_STATUSES as readonly string[]).includes(opts.status))
		throw new AppError('INVALID', 'status', [{ field: 'status', message: 'forums_error_status' }]);
	if (!isUuid(opts.decisionId)) throw new AppError('NOT_FOUND', 'decision');
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(planningDecisions)
			.where(and(eq(planningDecisions.id, opts.decisionId), eq(planningDecisions.forumId, forum.id)));
		if (!before) throw new AppError('NOT_FOUND', 'decision');
		authorize(opts.actor, 'forum.decision_status', { ...forum.resource, decisionOwnerId: before.ownerId });
		if (before.status === opts.status) return before;
		const [row] = await tx
			.update(planningDecisions)
			.set({ status: opts.status as DecisionStatus, updatedAt: new Date() })
			.where(eq(planningDecisions.id, before.id))
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'decision.status',
			entityType: 'planning_decision',
			entityId: row.id,
			changes: { status: [before.status, row.status] }
		});
		return row;
	});
}
