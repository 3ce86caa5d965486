import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningForumMembers, planningForums, units } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor, type ForumAction, type ForumResource } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';
import { isUuid } from '../../ids';

/**
 * A forum of the organizer with its members' ids and its policy resource, for an actor who may `need` it
 * (forum.view by default). NOT_FOUND for another organizer's forum or a malformed id; FORBIDDEN otherwise.
 */
export async function getForum(db: Db, opts: { actor: Actor; organizerId: string; forumId: string; need?: ForumAction }) {
	if (!isUuid(opts.forumId)) throw new AppError('NOT_FOUND', 'forum');
	const [row] = await db
		.select({ forum: planningForums, unitName: units.name })
		.from(planningForums)
		.leftJoin(units, eq(units.id, planningForums.unitId))
		.where(and(eq(planningForums.id, opts.forumId), eq(planningForums.organizerId, opts.organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'forum');
	const members = await db
		.select({ personId: planningForumMembers.personId })
		.from(planningForumMembers)
		.where(eq(planningForumMembers.forumId, row.forum.id));
	const ancestorIds = row.forum.unitId ? await loadAncestorIds(db, opts.organizerId, row.forum.unitId) : [];
	const resource: ForumResource = {
		type: 'forum',
		organizerId: opts.organizerId,
		unitId: row.forum.unitId,
		ancestorIds,
		memberIds: members.map((m) => m.personId)
	};
	authorize(opts.actor, opts.need ?? 'forum.view', resource);
	return {
		...row.forum,
		unitName: row.unitName,
		memberIds: resource.memberIds,
		resource,
		canManage: can(opts.actor, 'forum.manage', resource)
	};
}

export type ForumRow = Awaited<ReturnType<typeof getForum>>;
