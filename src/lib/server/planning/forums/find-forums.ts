import { and, asc, count, eq, gte, inArray, min } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningForumMembers, planningForums, planningMeetings, units } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { loadAncestorIds } from '../../org/load-ancestor-ids';

/**
 * The organizer's forums for its planning pages: every forum exists for everyone inside the organizer, but
 * only its members and managers get its purpose, members and meetings (canView). Ordered by name.
 */
export async function findForums(db: Db, opts: { actor: Actor; organizerId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'planning.view', { type: 'organizer', organizerId });
	const forums = await db
		.select({ forum: planningForums, unitName: units.name })
		.from(planningForums)
		.leftJoin(units, eq(units.id, planningForums.unitId))
		.where(eq(planningForums.organizerId, organizerId))
		.orderBy(asc(planningForums.name), asc(planningForums.id));
	if (!forums.length) return [];
	const ids = forums.map((f) => f.forum.id);
	const [members, next] = await Promise.all([
		db.select().from(planningForumMembers).where(inArray(planningForumMembers.forumId, ids)),
		db
			.select({ forumId: planningMeetings.forumId, next: min(planningMeetings.startsAt), n: count() })
			.from(planningMeetings)
			.where(and(inArray(planningMeetings.forumId, ids), gte(planningMeetings.startsAt, opts.now ?? new Date())))
			.groupBy(planningMeetings.forumId)
	]);
	const nextOf = new Map(next.map((r) => [r.forumId, r.next]));
	return Promise.all(
		forums.map(async ({ forum, unitName }) => {
			const memberIds = members.filter((m) => m.forumId === forum.id).map((m) => m.personId);
			const ancestorIds = forum.unitId ? await loadAncestorIds(db, organizerId, forum.unitId) : [];
			const resource = { type: 'forum' as const, organizerId, unitId: forum.unitId, ancestorIds, memberIds };
			const canView = can(actor, 'forum.view', resource);
			return {
				id: forum.id,
				name: forum.name,
				kind: forum.kind,
				unitName,
				canView,
				canManage: can(actor, 'forum.manage', resource),
				purpose: canView ? forum.purpose : '',
				memberCount: canView ? memberIds.length : null,
				nextMeeting: canView ? (nextOf.get(forum.id) ?? null) : null
			};
		})
	);
}
