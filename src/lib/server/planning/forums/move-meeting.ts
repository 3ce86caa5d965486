import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db';
import { planningMeetings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, parseOrThrow } from '../../errors';
import type { Actor } from '../../policies';
import { getMeeting } from './get-meeting';
import { meetingMoveSchema, stockholmInstant } from './forum-input';

export type MeetingMoveInput = z.input<typeof meetingMoveSchema>;

/**
 * Moves a meeting to another day and time (Stockholm) and place. Only those who manage the forum, and only
 * while its minutes are not published (CONFLICT after: a published meeting is a record of what happened). The
 * agenda stays as it was made. The same day, time and place again writes nothing. Audited as meeting.move.
 */
export async function moveMeeting(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string; input: MeetingMoveInput }
) {
	const { actor, organizerId } = opts;
	const details = await getMeeting(db, { ...opts, need: 'forum.manage' });
	if (details.meeting.publishedAt) throw published();
	const input = parseOrThrow(meetingMoveSchema, opts.input, 'meeting');
	const startsAt = stockholmInstant(input.day, input.time);
	const before = details.meeting;
	if (before.startsAt.getTime() === startsAt.getTime() && before.place === input.place) return { changed: false };
	return db.transaction(async (tx) => {
		const [still] = await tx
			.update(planningMeetings)
			.set({ startsAt, place: input.place })
			.where(and(eq(planningMeetings.id, before.id), eq(planningMeetings.organizerId, organizerId), isNull(planningMeetings.publishedAt)))
			.returning({ id: planningMeetings.id });
		if (!still) throw published();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'meeting.move',
			entityType: 'planning_meeting',
			entityId: before.id,
			changes: {
				startsAt: [before.startsAt.toISOString(), startsAt.toISOString()],
				...(before.place !== input.place ? { place: [before.place, input.place] } : {})
			}
		});
		return { changed: true };
	});
}

const published = () => conflict('form', 'forums_error_move_published');
