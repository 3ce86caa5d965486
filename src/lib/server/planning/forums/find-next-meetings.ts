import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningForumMembers, planningForums, planningMeetings } from '../../db/schema';
import type { Actor } from '../../policies';

/**
 * For a start page: the next meeting of each forum of the organizer the actor is a member of (forums
 * without a coming meeting are left out), soonest first, with the link to the meeting.
 */
export async function findNextMeetings(db: Db, actor: Actor, organizerId: string, now: Date = new Date()) {
	const rows = await db
		.select({
			forumId: planningForums.id,
			forumName: planningForums.name,
			meetingId: planningMeetings.id,
			startsAt: planningMeetings.startsAt,
			place: planningMeetings.place
		})
		.from(planningForumMembers)
		.innerJoin(planningForums, eq(planningForums.id, planningForumMembers.forumId))
		.innerJoin(planningMeetings, eq(planningMeetings.forumId, planningForums.id))
		.where(
			and(
				eq(planningForumMembers.personId, actor.personId),
				eq(planningForums.organizerId, organizerId),
				gte(planningMeetings.startsAt, now)
			)
		)
		.orderBy(asc(planningMeetings.startsAt), asc(planningMeetings.id));
	const seen = new Set<string>();
	return rows
		.filter((r) => !seen.has(r.forumId) && !!seen.add(r.forumId))
		.map((r) => ({ ...r, path: `planering/forum/${r.forumId}/mote/${r.meetingId}` }));
}
