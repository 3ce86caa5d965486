// Covers: createCalendarFeed, findCalendarFeedOwner, getCalendarFeed, removeCalendarFeed, renderCalendarFeed.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import { auditEvents, memberships, people } from '../../db/schema';
import { createAction } from '../create-action';
import { changeActionStatus } from '../change-action-status';
import { loadActor } from '../../auth/load-actor';
import { createCalendarFeed, findCalendarFeedOwner, getCalendarFeed, removeCalendarFeed, renderCalendarFeed } from './calendar-feeds';

const t = useTestDatabase();
const tokenOf = (url: string) => url.match(/\/kalender\/([\w-]+)\.ics$/)![1];
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unitA = await buildUnit(t.db, { organizerId: organizer.id });
	const unitB = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const me = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unitA.id }], { name: 'Maja Mig' });
	const hidden = await buildPerson(t.db, {
		name: 'Hemlig Hedda',
		protectedIdentity: true,
		roles: [{ role: 'staff', organizerId: organizer.id, unitId: unitA.id }]
	});
	const other = await buildPerson(t.db, { name: 'Annan Anna', roles: [{ role: 'staff', organizerId: organizer.id, unitId: unitA.id }] });
	const plan = (title: string, o: Record<string, unknown> = {}) =>
		createAction(t.db, {
			actor: leader,
			organizerId: organizer.id,
			period: '2026/27',
			input: { scope: unitA.id, title, dueOn: '2026-12-20', responsibleId: other.id, links: [], ...o }
		});
	return { organizer, unitA, unitB, leader, me, hidden, other, plan };
}

describe('a person’s calendar feed', () => {
	it('lists the due dates of actions the person answers for or takes part in, and no one’s name', async () => {
		const s = await setup();
		const mine = await s.plan('Min aktivitet', { responsibleId: s.me.personId, participantIds: [s.hidden.id] });
		const joined = await s.plan('Jag deltar', { participantIds: [s.me.personId, s.hidden.id], dueOn: '2027-02-01' });
		await s.plan('Inte min');
		await s.plan('Utan datum', { responsibleId: s.me.personId, dueOn: '' });
		const dropped = await s.plan('Avbruten', { responsibleId: s.me.personId });
		await changeActionStatus(t.db, { actor: s.leader, organizerId: s.organizer.id, actionId: dropped.id, input: { status: 'dropped' } });
		// Another organizer's action the person still answers for, after leaving it: not listed.
		const former = await buildOrganizer(t.db);
		const formerLeader = await buildActor(t.db, [{ role: 'leadership', organizerId: former.id }]);
		await t.db.insert(memberships).values({ organizerId: former.id, personId: s.me.personId });
		await createAction(t.db, {
			actor: formerLeader,
			organizerId: former.id,
			period: '2026/27',
			input: { scope: 'organizer', title: 'Gammal huvudman', dueOn: '2026-12-01', responsibleId: s.me.personId, links: [] }
		});
		await t.db.delete(memberships).where(and(eq(memberships.organizerId, former.id), eq(memberships.personId, s.me.personId)));

		const text = unfold((await renderCalendarFeed(t.db, { personId: s.me.personId }))!);
		expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
		expect(text).toContain('SUMMARY:Min aktivitet');
		expect(text).toContain('SUMMARY:Jag deltar');
		expect(text).toContain(`UID:action-${mine.id}@rodtrad`);
		expect(text).toContain(`UID:action-${joined.id}@rodtrad`);
		expect(text).toContain('DTSTART;VALUE=DATE:20261220');
		expect(text).toContain('DTSTART;VALUE=DATE:20270201');
		expect(text).toContain('Status: Planerad');
		expect(text).toContain('Du är ansvarig.');
		expect(text).toContain('Du deltar.');
		for (const absent of ['Inte min', 'Utan datum', 'Avbruten', 'Gammal huvudman', 'Hemlig Hedda', 'Annan Anna', 'Maja Mig'])
			expect(text).not.toContain(absent);
	});

	it('leaves out an action the person takes part in but may not open (another unit’s plan)', async () => {
		const s = await setup();
		await s.plan('Enhet B', { scope: s.unitB.id, participantIds: [s.me.personId] });
		const text = (await renderCalendarFeed(t.db, { personId: s.me.personId }))!;
		expect(text).not.toContain('Enhet B');
		expect(text).toContain('BEGIN:VCALENDAR');
	});

	it('gives the address once, finds the owner by it, and a new address or removal makes the old one give nothing', async () => {
		const s = await setup();
		expect(await getCalendarFeed(t.db, { actor: s.me })).toBeNull();
		const first = await createCalendarFeed(t.db, { actor: s.me });
		expect(first.renewed).toBe(false);
		expect(first.url).toMatch(/^http.+\/kalender\/[\w-]{43}\.ics$/);
		expect(await findCalendarFeedOwner(t.db, tokenOf(first.url))).toBe(s.me.personId);
		expect(await getCalendarFeed(t.db, { actor: s.me })).toMatchObject({ createdAt: expect.any(Date) });

		const second = await createCalendarFeed(t.db, { actor: s.me });
		expect(second.renewed).toBe(true);
		expect(await findCalendarFeedOwner(t.db, tokenOf(first.url))).toBeNull();
		expect(await findCalendarFeedOwner(t.db, tokenOf(second.url))).toBe(s.me.personId);

		expect(await removeCalendarFeed(t.db, { actor: s.me })).toBe(true);
		expect(await findCalendarFeedOwner(t.db, tokenOf(second.url))).toBeNull();
		for (const bad of ['', 'kort', '../../etc', 'x'.repeat(200)]) expect(await findCalendarFeedOwner(t.db, bad)).toBeNull();

		const audits = await t.db
			.select({ action: auditEvents.action, changes: auditEvents.changes })
			.from(auditEvents)
			.where(eq(auditEvents.entityId, s.me.personId));
		expect(
			audits
				.map((a) => a.action)
				.filter((a) => a.startsWith('calendar_feed.'))
				.sort()
		).toEqual(['calendar_feed.create', 'calendar_feed.remove', 'calendar_feed.renew']);
		expect(JSON.stringify(audits)).not.toContain(tokenOf(second.url));
	});

	it('renders nothing for a person who is no longer active', async () => {
		const s = await setup();
		await s.plan('Min aktivitet', { responsibleId: s.me.personId });
		expect(await loadActor(t.db, s.me.personId)).not.toBeNull();
		await t.db.update(people).set({ status: 'inactive' }).where(eq(people.id, s.me.personId));
		expect(await renderCalendarFeed(t.db, { personId: s.me.personId })).toBeNull();
	});
});
