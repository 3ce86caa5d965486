import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db';
import { planningActions, planningDecisions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, isAppError, type FieldIssue, parseOrThrow } from '../../errors';
import type { Actor } from '../../policies';
import { activeMembers } from '../check-action-refs';
import { createAction } from '../create-action';
import { decisionSchema } from './forum-input';
import { getMeeting } from './get-meeting';
import { isUuid } from '../../ids';

export type DecisionInput = z.input<typeof decisionSchema>;

/** The action form's fields, as the decision form names them. */
const FIELD_OF: Record<string, string> = { title: 'text', responsibleId: 'ownerId', dueOn: 'dueOn', scope: 'makeAction' };

/**
 * Minutes a decision at a meeting: its text, an owner who is an active member of the organizer and a due
 * date. With makeAction it also adds an action to the forum's plan (the organizer's, or its unit's) through
 * createAction, so the same checks and audit apply; the decision and its action are written together or not
 * at all. Or it points at an existing action of the organizer. Only managers, before the minutes are
 * published. Audited as decision.create.
 */
export async function createDecision(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string; input: DecisionInput }
) {
	const { actor, organizerId } = opts;
	const details = await getMeeting(db, { ...opts, need: 'forum.manage' });
	if (details.meeting.publishedAt)
		throw new AppError('CONFLICT', 'forums_error_published', [{ field: 'form', message: 'forums_error_published' }]);
	const input = parseOrThrow(decisionSchema, opts.input, 'decision');
	const issues: FieldIssue[] = [];
	if (!(await activeMembers(db, organizerId, [input.ownerId])).has(input.ownerId))
		issues.push({ field: 'ownerId', message: 'forums_error_owner_member' });
	if (input.actionId && input.makeAction) issues.push({ field: 'actionId', message: 'forums_error_action_both' });
	else if (input.actionId) {
		const found =
			isUuid(input.actionId) &&
			(
				await db
					.select({ id: planningActions.id })
					.from(planningActions)
					.where(and(eq(planningActions.id, input.actionId), eq(planningActions.organizerId, organizerId)))
			).length > 0;
		if (!found) issues.push({ field: 'actionId', message: 'forums_error_action' });
	}
	if (issues.length) throw new AppError('INVALID', 'decision', issues);

	return db.transaction(async (tx) => {
		let actionId = input.actionId || null;
		if (input.makeAction) {
			try {
				const action = await createAction(tx, {
					actor,
					organizerId,
					input: {
						scope: details.forum.unitId ?? 'organizer',
						title: input.text.slice(0, 300),
						how: '',
						responsibleId: input.ownerId,
						dueOn: input.dueOn,
						followUp: details.forum.name
					}
				});
				actionId = action.id;
			} catch (e) {
				if (isAppError(e) && e.code === 'INVALID')
					throw new AppError(
						'INVALID',
						'decision',
						e.issues.map((i) => ({ field: FIELD_OF[i.field] ?? 'makeAction', message: i.message }))
					);
				throw e;
			}
		}
		const [row] = await tx
			.insert(planningDecisions)
			.values({
				organizerId,
				forumId: details.forum.id,
				meetingId: details.meeting.id,
				text: input.text,
				ownerId: input.ownerId,
				dueOn: input.dueOn || null,
				status: 'open',
				actionId,
				createdBy: actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'decision.create',
			entityType: 'planning_decision',
			entityId: row.id,
			changes: {
				meetingId: [null, row.meetingId],
				text: [null, row.text],
				ownerId: [null, row.ownerId],
				dueOn: [null, row.dueOn],
				actionId: [null, actionId],
				madeAction: [null, input.makeAction]
			}
		});
		return row;
	});
}
