import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningDecisions, planningForums } from '../../db/schema';

/**
 * The organizer's open decisions (or one owner's), earliest due first, for reminders and overviews: the
 * text, the owner's id, the due date, the forum and the path of the meeting that made it (after the
 * organizer's slug). No actor: a job reads it; whoever shows it to a person applies shown names.
 */
export async function findOpenDecisions(db: Db, opts: { organizerId: string; ownerId?: string }) {
	const rows = await db
		.select({
			id: planningDecisions.id,
			title: planningDecisions.text,
			ownerId: planningDecisions.ownerId,
			dueOn: planningDecisions.dueOn,
			forumId: planningDecisions.forumId,
			forumName: planningForums.name,
			meetingId: planningDecisions.meetingId
		})
		.from(planningDecisions)
		.innerJoin(planningForums, eq(planningForums.id, planningDecisions.forumId))
		.where(
			and(
				eq(planningDecisions.organizerId, opts.organizerId),
				eq(planningDecisions.status, 'open'),
				opts.ownerId ? eq(planningDecisions.ownerId, opts.ownerId) : undefined
			)
		)
		.orderBy(asc(planningDecisions.dueOn), asc(planningDecisions.createdAt), asc(planningDecisions.id));
	return rows.map((r) => ({ ...r, path: `planering/forum/${r.forumId}/mote/${r.meetingId}#beslut` }));
}
