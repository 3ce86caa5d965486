import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningForumMembers, planningForums } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, parseOrThrow } from '../../errors';
import type { Actor } from '../../policies';
import { activeMembers } from '../check-action-refs';
import { forumSchema } from './forum-input';
import { getForum } from './get-forum';
import type { z } from 'zod';

const updateSchema = forumSchema.omit({ scope: true });
export type ForumUpdateInput = z.input<typeof updateSchema>;

/**
 * Changes a forum's name, purpose, kind and members (its scope stays: a council of another scope is another
 * forum). Only those who manage it. A member who is no longer an active member of the organizer may stay on
 * (history), but nobody new may be added who is not one. Audited as forum.update with what changed.
 */
export async function updateForum(db: Db, opts: { actor: Actor; organizerId: string; forumId: string; input: ForumUpdateInput }) {
	const { actor, organizerId } = opts;
	const forum = await getForum(db, { ...opts, need: 'forum.manage' });
	const input = parseOrThrow(updateSchema, opts.input, 'forum');
	const memberIds = [...new Set(input.memberIds.filter(Boolean))];
	const added = memberIds.filter((id) => !forum.memberIds.includes(id));
	const active = await activeMembers(db, organizerId, added);
	if (memberIds.length === 0) throw new AppError('INVALID', 'forum', [{ field: 'memberIds', message: 'forums_error_members_none' }]);
	if (added.some((id) => !active.has(id)))
		throw new AppError('INVALID', 'forum', [{ field: 'memberIds', message: 'forums_error_members' }]);
	const removed = forum.memberIds.filter((id) => !memberIds.includes(id));

	return db.transaction(async (tx) => {
		const changes: Record<string, [unknown, unknown]> = {};
		for (const key of ['name', 'purpose', 'kind'] as const) if (forum[key] !== input[key]) changes[key] = [forum[key], input[key]];
		if (added.length || removed.length) changes.memberIds = [forum.memberIds, memberIds];
		if (!Object.keys(changes).length) return forum;
		await tx
			.update(planningForums)
			.set({ name: input.name, purpose: input.purpose, kind: input.kind, updatedAt: new Date() })
			.where(eq(planningForums.id, forum.id));
		if (removed.length)
			await tx
				.delete(planningForumMembers)
				.where(and(eq(planningForumMembers.forumId, forum.id), inArray(planningForumMembers.personId, removed)));
		if (added.length) await tx.insert(planningForumMembers).values(added.map((personId) => ({ forumId: forum.id, personId, organizerId })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'forum.update',
			entityType: 'planning_forum',
			entityId: forum.id,
			changes
		});
		return { ...forum, ...input, memberIds };
	});
}
