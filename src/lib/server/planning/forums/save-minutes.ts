import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { planningMeetingAttendance, planningMeetingItems, planningMeetings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { getMeeting } from './get-meeting';

export type MinutesInput = { minutes: Record<string, string>; presentIds: string[]; guests: string };

/**
 * Writes a meeting's minutes: the text under each agenda item, which members were there (the others were
 * away) and the guests. Only managers of the forum, and only until the minutes are published (CONFLICT
 * after). Audited as meeting.minutes with what changed.
 */
export async function saveMinutes(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; meetingId: string; input: MinutesInput }
) {
	const { actor, organizerId } = opts;
	const details = await getMeeting(db, { ...opts, need: 'forum.manage' });
	if (details.meeting.publishedAt)
		throw new AppError('CONFLICT', 'forums_error_published', [{ field: 'form', message: 'forums_error_published' }]);
	const guests = opts.input.guests.trim();
	const tooLong = details.items.filter((i) => (opts.input.minutes[i.id] ?? '').length > 20000);
	if (guests.length > 1000 || tooLong.length)
		throw new AppError('INVALID', 'minutes', [
			...(guests.length > 1000 ? [{ field: 'guests', message: 'error_too_long' }] : []),
			...tooLong.map((i) => ({ field: `minutes-${i.id}`, message: 'error_too_long' }))
		]);
	const present = new Set(opts.input.presentIds);
	const changed = details.items.filter((i) => opts.input.minutes[i.id] !== undefined && opts.input.minutes[i.id].trim() !== i.minutes);
	await db.transaction(async (tx) => {
		const [still] = await tx
			.update(planningMeetings)
			.set({ guests })
			.where(and(eq(planningMeetings.id, details.meeting.id), isNull(planningMeetings.publishedAt)))
			.returning({ id: planningMeetings.id });
		if (!still) throw new AppError('CONFLICT', 'forums_error_published', [{ field: 'form', message: 'forums_error_published' }]);
		for (const item of changed)
			await tx
				.update(planningMeetingItems)
				.set({ minutes: opts.input.minutes[item.id].trim() })
				.where(eq(planningMeetingItems.id, item.id));
		await tx.delete(planningMeetingAttendance).where(eq(planningMeetingAttendance.meetingId, details.meeting.id));
		if (details.members.length)
			await tx
				.insert(planningMeetingAttendance)
				.values(details.members.map((m) => ({ meetingId: details.meeting.id, personId: m.id, organizerId, present: present.has(m.id) })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'meeting.minutes',
			entityType: 'planning_meeting',
			entityId: details.meeting.id,
			changes: {
				guests: [details.meeting.guests, guests],
				presentIds: [
					details.members.filter((m) => m.present).map((m) => m.id),
					details.members.filter((m) => present.has(m.id)).map((m) => m.id)
				],
				...Object.fromEntries(changed.map((i) => [`item:${i.id}`, [i.minutes, opts.input.minutes[i.id].trim()]]))
			}
		});
	});
}
