import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningDecisions, planningMeetings } from '../../db/schema';
import type { ForumRow } from './get-forum';
import { shownNamesById } from '../../support/privacy/shown-names';
import type { Actor } from '../../policies';

/** A readable forum's meetings (newest first) and its open decisions (oldest first), with owners' shown names. */
export async function findForumMeetings(db: Db, opts: { actor: Actor; forum: ForumRow }) {
	const { forum } = opts;
	const [meetings, open] = await Promise.all([
		db
			.select({
				id: planningMeetings.id,
				startsAt: planningMeetings.startsAt,
				place: planningMeetings.place,
				publishedAt: planningMeetings.publishedAt
			})
			.from(planningMeetings)
			.where(eq(planningMeetings.forumId, forum.id))
			.orderBy(desc(planningMeetings.startsAt), desc(planningMeetings.id)),
		db
			.select({
				id: planningDecisions.id,
				text: planningDecisions.text,
				ownerId: planningDecisions.ownerId,
				dueOn: planningDecisions.dueOn,
				meetingId: planningDecisions.meetingId
			})
			.from(planningDecisions)
			.where(and(eq(planningDecisions.forumId, forum.id), eq(planningDecisions.status, 'open')))
			.orderBy(asc(planningDecisions.createdAt), asc(planningDecisions.id))
	]);
	const nameOf = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: forum.organizerId,
		personIds: [...forum.memberIds, ...open.map((d) => d.ownerId)],
		via: 'planning'
	});
	return {
		meetings,
		openDecisions: open.map(({ ownerId, ...d }) => ({ ...d, ownerName: nameOf.get(ownerId) ?? '' })),
		memberNames: forum.memberIds.map((id) => nameOf.get(id) ?? '').sort((a, b) => a.localeCompare(b, 'sv'))
	};
}
