import { and, eq, gte, inArray } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { planningForumMembers, planningForums, planningMeetings } from '../../db/schema';
import type { FeedSource } from './feed-source';
import { planningLink } from './action-link';

/** How long a meeting lasts in the calendar when nothing says otherwise. */
const MEETING_MINUTES = 60;
/** Meetings from this many days back, so a calendar keeps the recent ones. */
const DAYS_BACK = 90;
const sv = { locale: 'sv' as const };

/** Council meetings (decision 023) of the forums the person sits in: a timed event each, with place and link. */
export const meetingFeedSource: FeedSource = {
	key: 'meeting',
	async findForPerson(db: Db, { actor, organizers }) {
		if (organizers.length === 0) return [];
		const slugOf = new Map(organizers.map((o) => [o.id, o.slug]));
		const since = new Date(Date.now() - DAYS_BACK * 86_400_000);
		const rows = await db
			.select({
				id: planningMeetings.id,
				forumId: planningForums.id,
				forumName: planningForums.name,
				organizerId: planningForums.organizerId,
				startsAt: planningMeetings.startsAt,
				place: planningMeetings.place
			})
			.from(planningForumMembers)
			.innerJoin(planningForums, eq(planningForums.id, planningForumMembers.forumId))
			.innerJoin(planningMeetings, eq(planningMeetings.forumId, planningForums.id))
			.where(
				and(
					eq(planningForumMembers.personId, actor.personId),
					inArray(planningForums.organizerId, [...slugOf.keys()]),
					gte(planningMeetings.startsAt, since)
				)
			);
		return rows.map((r) => {
			const url = planningLink(slugOf.get(r.organizerId)!, `planering/forum/${r.forumId}/mote/${r.id}`);
			return {
				uid: `meeting-${r.id}@rodtrad`,
				day: r.startsAt.toISOString().slice(0, 10),
				start: r.startsAt,
				end: new Date(r.startsAt.getTime() + MEETING_MINUTES * 60_000),
				summary: r.forumName,
				description: [r.place ? m.reminders_feed_place({ place: r.place }, sv) : '', url].filter(Boolean).join('\n'),
				url
			};
		});
	}
};
