import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningForumMembers, planningForums, units } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, type FieldIssue, parseOrThrow } from '../../errors';
import { authorize, can, type Actor, type ForumResource } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { activeMembers } from '../check-action-refs';
import { forumSchema } from './forum-input';
import type { z } from 'zod';
import { isUuid } from '../../ids';

export type ForumInput = z.input<typeof forumSchema>;

/** The forum's scope as a resource: the organizer, or one of its active units. Null for anything else. */
async function scopeOf(db: Db, organizerId: string, scope: string, memberIds: string[]): Promise<ForumResource | null> {
	if (scope === 'organizer' || scope === '') return { type: 'forum', organizerId, unitId: null, ancestorIds: [], memberIds };
	if (!isUuid(scope)) return null;
	const [unit] = await db
		.select({ id: units.id })
		.from(units)
		.where(and(eq(units.id, scope), eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	return unit
		? { type: 'forum', organizerId, unitId: unit.id, ancestorIds: await loadAncestorIds(db, organizerId, unit.id), memberIds }
		: null;
}

/**
 * Sets up a forum (an IT-råd, a network, a leadership group) with its members. The actor must be able to
 * manage a forum of the chosen scope; every member must be an active member of the organizer. Problems are
 * reported beside their fields (INVALID) and nothing is written. Audited as forum.create.
 */
export async function createForum(db: Db, opts: { actor: Actor; organizerId: string; input: ForumInput }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'planning.view', { type: 'organizer', organizerId });
	const input = parseOrThrow(forumSchema, opts.input, 'forum');
	const memberIds = [...new Set(input.memberIds.filter(Boolean))];
	const issues: FieldIssue[] = [];
	const resource = await scopeOf(db, organizerId, input.scope, memberIds);
	if (!resource || !can(actor, 'forum.manage', resource)) issues.push({ field: 'scope', message: 'forums_error_scope' });
	const members = await activeMembers(db, organizerId, memberIds);
	if (memberIds.length === 0) issues.push({ field: 'memberIds', message: 'forums_error_members_none' });
	else if (memberIds.some((id) => !members.has(id))) issues.push({ field: 'memberIds', message: 'forums_error_members' });
	if (issues.length || !resource) throw new AppError('INVALID', 'forum', issues);

	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(planningForums)
			.values({
				organizerId,
				unitId: resource.unitId,
				name: input.name,
				purpose: input.purpose,
				kind: input.kind,
				createdBy: actor.personId
			})
			.returning();
		await tx.insert(planningForumMembers).values(memberIds.map((personId) => ({ forumId: row.id, personId, organizerId })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'forum.create',
			entityType: 'planning_forum',
			entityId: row.id,
			changes: {
				name: [null, input.name],
				purpose: [null, input.purpose],
				kind: [null, input.kind],
				unitId: [null, resource.unitId],
				memberIds: [null, memberIds]
			}
		});
		return row;
	});
}
