import type { z } from 'zod';
import type { Db } from '../../db';
import { planningMeetingItems, planningMeetings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { todayInStockholm } from '../../auth/load-actor';
import type { Actor } from '../../policies';
import { getForum } from './get-forum';
import { meetingSchema, stockholmInstant } from './forum-input';
import { selectCarryOver } from './select-carry-over';
import { parseOrThrow } from '../../errors';

export type MeetingInput = z.input<typeof meetingSchema>;

/**
 * Calls a forum's next meeting. Its agenda opens by itself with what the forum must come back to (open
 * decisions and members' overdue actions, see selectCarryOver), then the items written on the form, one a
 * line. Only those who manage the forum call meetings. Audited as meeting.create.
 */
export async function createMeeting(
	db: Db,
	opts: { actor: Actor; organizerId: string; forumId: string; input: MeetingInput; today?: string }
) {
	const { actor, organizerId } = opts;
	const forum = await getForum(db, { actor, organizerId, forumId: opts.forumId, need: 'forum.manage' });
	const input = parseOrThrow(meetingSchema, opts.input, 'meeting');
	const agenda = input.agenda
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 100);
	return db.transaction(async (tx) => {
		const carried = await selectCarryOver(tx, {
			organizerId,
			forumId: forum.id,
			memberIds: forum.memberIds,
			today: opts.today ?? todayInStockholm()
		});
		const [meeting] = await tx
			.insert(planningMeetings)
			.values({
				organizerId,
				forumId: forum.id,
				startsAt: stockholmInstant(input.day, input.time),
				place: input.place,
				createdBy: actor.personId
			})
			.returning();
		const items = [...carried, ...agenda.map((title) => ({ kind: 'item' as const, title, decisionId: null, actionId: null }))];
		if (items.length)
			await tx
				.insert(planningMeetingItems)
				.values(items.map((it, position) => ({ ...it, title: it.title.slice(0, 2000), organizerId, meetingId: meeting.id, position })));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'meeting.create',
			entityType: 'planning_meeting',
			entityId: meeting.id,
			changes: {
				forumId: [null, forum.id],
				startsAt: [null, meeting.startsAt.toISOString()],
				place: [null, input.place],
				agenda: [null, agenda],
				carried: [null, carried.map((c) => c.decisionId ?? c.actionId)]
			}
		});
		return meeting;
	});
}
