// Covers: sendDueReminders, renderCalendarFeed.
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../../tests/factories';
import { outbox, people } from '../../db/schema';
import { createForum } from '../forums/create-forum';
import { createMeeting } from '../forums/create-meeting';
import { createDecision } from '../forums/create-decision';
import { changeDecisionStatus } from '../forums/change-decision-status';
import { sendDueReminders } from './send-due-reminders';
import { renderCalendarFeed } from './calendar-feeds';

const t = useTestDatabase();
/** Noon in Stockholm on a day. */
const on = (day: string) => new Date(`${day}T11:00:00Z`);
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const owner = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const ids = { actor: leader, organizerId: organizer.id };
	const forum = await createForum(t.db, {
		...ids,
		input: { name: `IT-råd ${Math.random()}`, purpose: 'Samordna', kind: 'strategy', memberIds: [leader.personId, owner.personId] }
	});
	const meeting = await createMeeting(t.db, {
		...ids,
		forumId: forum.id,
		input: { day: '2026-12-03', time: '15:00', agenda: 'Wifi' },
		today: '2026-12-01'
	});
	return { organizer, leader, owner, outsider, ids, forum, meeting };
}

describe('council decisions and meetings in reminders and calendars', () => {
	it('reminds the owner of an open decision before and after its due date, once each, and not once it is done', async () => {
		const s = await setup();
		const decision = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: s.meeting.id,
			input: { text: 'Beställ nya accesspunkter', ownerId: s.owner.personId, dueOn: '2026-12-20' }
		});
		const done = await createDecision(t.db, {
			...s.ids,
			forumId: s.forum.id,
			meetingId: s.meeting.id,
			input: { text: 'Redan klart', ownerId: s.owner.personId, dueOn: '2026-12-20' }
		});
		await changeDecisionStatus(t.db, { ...s.ids, forumId: s.forum.id, decisionId: done.id, status: 'done' });
		const run = (day: string) => sendDueReminders(t.db, on(day), { organizerId: s.organizer.id });
		expect(await run('2026-12-13')).toEqual({ dueSoon: 1, overdue: 0 });
		expect(await run('2026-12-14')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await run('2026-12-21')).toEqual({ dueSoon: 0, overdue: 1 });
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.organizer.id)).orderBy(asc(outbox.id));
		const [email] = await t.db.select({ email: people.email }).from(people).where(eq(people.id, s.owner.personId));
		const reminders = mails.filter((m) => m.subject.includes('Beställ nya accesspunkter'));
		expect(reminders.map((m) => m.toAddress)).toEqual([email.email, email.email]);
		expect(reminders[0].body).toContain(`/planering/forum/${s.forum.id}/mote/${s.meeting.id}`);
		expect(mails.some((m) => m.subject.includes('Redan klart'))).toBe(false);
		expect(decision.id).toBeTruthy();
	});

	it('lists the meetings of a member’s forums in their calendar as timed events, and none for someone outside', async () => {
		const s = await setup();
		const text = unfold((await renderCalendarFeed(t.db, { personId: s.owner.personId, now: on('2026-12-01') }))!);
		expect(text).toContain(`SUMMARY:${s.forum.name}`);
		// 15:00 in Stockholm in December is 14:00 UTC; times are written in UTC so no calendar has to know the zone.
		expect(text).toContain('DTSTART:20261203T140000Z');
		expect(text).toContain('DTEND:20261203T150000Z');
		expect(text).toContain(`/mote/${s.meeting.id}`);
		const other = unfold((await renderCalendarFeed(t.db, { personId: s.outsider.personId, now: on('2026-12-01') }))!);
		expect(other).not.toContain(s.forum.name);
	});
});
