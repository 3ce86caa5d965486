import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningDecisions, planningForums, planningMeetings } from '../../db/schema';

/**
 * The decisions the organizer's own forums (not a unit's) made at meetings held in a period [from, to) of Stockholm
 * dates, with their status, for the board report: the text, the forum, the meeting day, due date and the path of the
 * meeting (after the organizer's slug). No actor: the caller shows them under its own rule and names no owner.
 */
export async function findPeriodDecisions(db: Db, opts: { organizerId: string; from: string; to: string }) {
	const rows = await db
		.select({
			id: planningDecisions.id,
			text: planningDecisions.text,
			status: planningDecisions.status,
			dueOn: planningDecisions.dueOn,
			forumId: planningDecisions.forumId,
			forumName: planningForums.name,
			meetingId: planningDecisions.meetingId,
			heldOn: sql<string>`to_char(${planningMeetings.startsAt} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')`
		})
		.from(planningDecisions)
		.innerJoin(planningForums, eq(planningForums.id, planningDecisions.forumId))
		.innerJoin(planningMeetings, eq(planningMeetings.id, planningDecisions.meetingId))
		.where(
			and(
				eq(planningDecisions.organizerId, opts.organizerId),
				isNull(planningForums.unitId),
				gte(planningMeetings.startsAt, sql`(${opts.from}::timestamp AT TIME ZONE 'Europe/Stockholm')`),
				lt(planningMeetings.startsAt, sql`(${opts.to}::timestamp AT TIME ZONE 'Europe/Stockholm')`)
			)
		)
		.orderBy(asc(planningMeetings.startsAt), asc(planningDecisions.createdAt), asc(planningDecisions.id));
	return rows.map((r) => ({ ...r, path: `planering/forum/${r.forumId}/mote/${r.meetingId}#beslut` }));
}
