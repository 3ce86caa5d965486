import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningDecisions, planningMeetingAttendance, planningMeetingItems, planningMeetings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import type { Actor } from '../../policies';
import { getMeeting } from './get-meeting';

/**
 * Removes a meeting that was called by mistake or will not be held, with its agenda and attendance. Only those
 * who manage the forum. Refused (CONFLICT, a message beside the confirmation) once its minutes are published,
 * and while decisions are minuted at it: a decision is a record others follow up. What carried over onto it
 * (open decisions, overdue actions) is untouched and is carried onto the next meeting called. Audited as
 * meeting.remove with the day, place, guests, agenda with minutes and attendance, so nothing is lost.
 */
export async function removeMeeting(db: Db, opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string }) {
	const { actor, organizerId } = opts;
	const details = await getMeeting(db, { ...opts, need: 'forum.manage' });
	return db.transaction(async (tx) => {
		const [meeting] = await tx
			.select({ id: planningMeetings.id, publishedAt: planningMeetings.publishedAt })
			.from(planningMeetings)
			.where(and(eq(planningMeetings.id, details.meeting.id), eq(planningMeetings.organizerId, organizerId)))
			.for('update');
		if (!meeting) throw new AppError('NOT_FOUND', 'meeting');
		if (meeting.publishedAt) throw refused('forums_error_remove_published');
		const [{ n }] = await tx.select({ n: count() }).from(planningDecisions).where(eq(planningDecisions.meetingId, meeting.id));
		if (n > 0) throw refused('forums_error_remove_decisions');
		await tx.delete(planningMeetingAttendance).where(eq(planningMeetingAttendance.meetingId, meeting.id));
		await tx.delete(planningMeetingItems).where(eq(planningMeetingItems.meetingId, meeting.id));
		await tx.delete(planningMeetings).where(eq(planningMeetings.id, meeting.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'meeting.remove',
			entityType: 'planning_meeting',
			entityId: meeting.id,
			changes: {
				forumId: [details.forum.id, null],
				startsAt: [details.meeting.startsAt.toISOString(), null],
				place: [details.meeting.place, null],
				guests: [details.meeting.guests, null],
				agenda: [details.items.map((i) => ({ kind: i.kind, title: i.title, minutes: i.minutes })), []],
				presentIds: [details.members.filter((m) => m.present).map((m) => m.id), []]
			}
		});
	});
}

/** The field is the removal form's confirmation box, so the reason stands where the person pressed. */
const refused = (message: string) => conflict('confirmRemove', message);
