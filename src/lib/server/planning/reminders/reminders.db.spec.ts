// Covers: sendDueReminders, updateReminderSettings, sendRemindersNow.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../../tests/factories';
import {
	auditEvents,
	memberships,
	organizers,
	outbox,
	people,
	planningActions,
	webhookMessages,
	webhookSubscriptions
} from '../../db/schema';
import { env } from '../../env';
import { createAction } from '../create-action';
import { changeActionStatus } from '../change-action-status';
import type { ActionInput } from '../action-input';
import { sendDueReminders } from './send-due-reminders';
import { updateReminderSettings } from './update-reminder-settings';
import { sendRemindersNow } from './send-reminders-now';

const t = useTestDatabase();
const PERIOD = '2026/27';
/** A morning in Stockholm on that day (winter time, +01:00). */
const on = (day: string) => new Date(`${day}T08:00:00+01:00`);

async function setup(o: { protectedOwner?: boolean } = {}) {
	const organizer = await buildOrganizer(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }], { name: 'Lena Ledning' });
	const owner = await buildPerson(t.db, {
		name: o.protectedOwner ? 'Sara Skyddad' : 'Olle Ansvarig',
		protectedIdentity: !!o.protectedOwner,
		roles: [{ role: 'pedagogical_key_person', organizerId: organizer.id, unitId: unit.id }]
	});
	const plan = async (input: Partial<ActionInput> = {}) =>
		createAction(t.db, {
			actor: leader,
			organizerId: organizer.id,
			period: PERIOD,
			input: { scope: unit.id, title: `Läsfrämjande ${Math.random()}`, dueOn: '2026-12-20', responsibleId: owner.id, links: [], ...input }
		});
	const mails = () => t.db.select().from(outbox).where(eq(outbox.organizerId, organizer.id)).orderBy(asc(outbox.id));
	const run = (day: string) => sendDueReminders(t.db, on(day), { organizerId: organizer.id });
	return { organizer, unit, leader, owner, plan, mails, run };
}

describe('reminders before and after a due date', () => {
	it('mails the responsible person once, seven days before by default, with the link and no other name in the subject', async () => {
		const s = await setup();
		const action = await s.plan({ title: 'Läsfrämjande; steg 1' });
		expect(await s.run('2026-12-12')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await s.run('2026-12-13')).toEqual({ dueSoon: 1, overdue: 0 });
		expect(await s.run('2026-12-14')).toEqual({ dueSoon: 0, overdue: 0 });
		const [mail, ...more] = await s.mails();
		expect(more).toEqual([]);
		expect(mail.toAddress).toBe(s.owner.email);
		expect(mail.subject).toContain('Påminnelse: ”Läsfrämjande; steg 1” ska vara klar 2026-12-20');
		expect(mail.subject).not.toContain('Lena');
		expect(mail.subject).not.toContain('Olle');
		expect(mail.body).toContain('Hej Olle Ansvarig!');
		expect(mail.body).toContain('7 dagar kvar');
		expect(mail.body).toContain(`${env.ORIGIN}/${s.organizer.slug}/planering/aktivitet/${action.id}`);
		expect(mail.body).toContain('You are responsible for the action “Läsfrämjande; steg 1”. It is due on 2026-12-20');
		expect(mail.subject).toContain('Reminder:');
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, action.id), eq(auditEvents.action, 'reminder.send')));
		expect(audits).toHaveLength(1);
		expect(audits[0].changes).toMatchObject({ kind: 'due_soon', dueOn: '2026-12-20' });
	});

	it('queues the action.due webhook event with each reminder, for the subscriptions that want it', async () => {
		const s = await setup();
		const [wants] = await t.db
			.insert(webhookSubscriptions)
			.values({
				organizerId: s.organizer.id,
				url: 'https://a.example.test/in',
				events: ['action.due'],
				secretSealed: 'x',
				createdById: s.leader.personId
			})
			.returning();
		await t.db.insert(webhookSubscriptions).values({
			organizerId: s.organizer.id,
			url: 'https://b.example.test/in',
			events: ['case.created'],
			secretSealed: 'x',
			createdById: s.leader.personId
		});
		const action = await s.plan({ title: 'Fortbildning i källkritik' });
		await s.run('2026-12-13');
		await s.run('2026-12-21');
		const queued = await t.db
			.select()
			.from(webhookMessages)
			.where(eq(webhookMessages.organizerId, s.organizer.id))
			.orderBy(asc(webhookMessages.id));
		expect(queued.map((q) => [q.subscriptionId, q.eventType, (q.data as { reminder: string }).reminder])).toEqual([
			[wants.id, 'action.due', 'due_soon'],
			[wants.id, 'action.due', 'overdue']
		]);
		expect(queued[0].data).toMatchObject({ actionId: action.id, dueOn: '2026-12-20', title: 'Fortbildning i källkritik' });
	});

	it('says "1 dag kvar", not "1 dagar", the day before', async () => {
		const s = await setup();
		await s.plan({ dueOn: '2026-12-14' });
		expect(await s.run('2026-12-13')).toEqual({ dueSoon: 1, overdue: 0 });
		const [mail] = await s.mails();
		expect(mail.body).toContain('(1 dag kvar)');
		expect(mail.body).toContain('(1 day left)');
		expect(mail.body).not.toContain('1 dagar');
	});

	it('mails again when the due date is moved, once per date', async () => {
		const s = await setup();
		const action = await s.plan();
		await s.run('2026-12-15');
		await t.db.update(planningActions).set({ dueOn: '2026-12-22' }).where(eq(planningActions.id, action.id));
		expect(await s.run('2026-12-15')).toEqual({ dueSoon: 1, overdue: 0 });
		expect(await s.run('2026-12-16')).toEqual({ dueSoon: 0, overdue: 0 });
		const subjects = (await s.mails()).map((m) => m.subject);
		expect(subjects).toHaveLength(2);
		expect(subjects[1]).toContain('2026-12-22');
	});

	it('mails once when an open action is overdue, paused ones too, never on the day itself', async () => {
		const s = await setup();
		const action = await s.plan();
		await changeActionStatus(t.db, { actor: s.leader, organizerId: s.organizer.id, actionId: action.id, input: { status: 'on_hold' } });
		expect(await s.run('2026-12-20')).toEqual({ dueSoon: 1, overdue: 0 });
		expect(await s.run('2026-12-21')).toEqual({ dueSoon: 0, overdue: 1 });
		expect(await s.run('2026-12-28')).toEqual({ dueSoon: 0, overdue: 0 });
		const last = (await s.mails()).at(-1)!;
		expect(last.subject).toContain('Försenad:');
		expect(last.body).toContain('Pausad');
	});

	it('sends nothing for a done or dropped action, or one without a date', async () => {
		const s = await setup();
		const done = await s.plan();
		const dropped = await s.plan();
		await s.plan({ dueOn: '' });
		await changeActionStatus(t.db, { actor: s.leader, organizerId: s.organizer.id, actionId: done.id, input: { status: 'done' } });
		await changeActionStatus(t.db, { actor: s.leader, organizerId: s.organizer.id, actionId: dropped.id, input: { status: 'dropped' } });
		expect(await s.run('2026-12-15')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await s.run('2027-01-15')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await s.mails()).toEqual([]);
	});

	it('still mails a person with protected identity, and nobody who left the organizer or is inactive', async () => {
		const s = await setup({ protectedOwner: true });
		await s.plan();
		await s.run('2026-12-15');
		const [mail] = await s.mails();
		expect(mail.toAddress).toBe(s.owner.email);

		const gone = await setup();
		await gone.plan();
		await t.db.delete(memberships).where(and(eq(memberships.personId, gone.owner.id), eq(memberships.organizerId, gone.organizer.id)));
		const inactive = await setup();
		await inactive.plan();
		await t.db.update(people).set({ status: 'inactive' }).where(eq(people.id, inactive.owner.id));
		expect(await gone.run('2026-12-15')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await inactive.run('2026-12-15')).toEqual({ dueSoon: 0, overdue: 0 });
	});

	it('follows the organizer setting: 0 days sends only the overdue mail', async () => {
		const s = await setup();
		await s.plan();
		await updateReminderSettings(t.db, { actor: s.leader, organizerId: s.organizer.id, input: { daysBefore: '0' } });
		expect(await s.run('2026-12-19')).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await s.run('2026-12-21')).toEqual({ dueSoon: 0, overdue: 1 });
		await updateReminderSettings(t.db, { actor: s.leader, organizerId: s.organizer.id, input: { daysBefore: '14' } });
		const [org] = await t.db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, s.organizer.id));
		expect(org.settings.planningReminders).toEqual({ daysBefore: 14 });
	});

	it('refuses a bad number beside the field and anyone but leadership and administrators, writing nothing', async () => {
		const s = await setup();
		for (const daysBefore of ['61', '-1', 'sju', '2.5', '']) {
			const e = await updateReminderSettings(t.db, { actor: s.leader, organizerId: s.organizer.id, input: { daysBefore } }).catch((x) => x);
			expect(e.code).toBe('INVALID');
			expect(e.issues).toEqual([{ field: 'daysBefore', message: 'reminders_error_days' }]);
		}
		const keyPerson = await buildActor(t.db, [{ role: 'principal', organizerId: s.organizer.id, unitId: s.unit.id }]);
		expect(
			(await updateReminderSettings(t.db, { actor: keyPerson, organizerId: s.organizer.id, input: { daysBefore: '3' } }).catch((x) => x))
				.code
		).toBe('FORBIDDEN');
		expect((await sendRemindersNow(t.db, { actor: keyPerson, organizerId: s.organizer.id }).catch((x) => x)).code).toBe('FORBIDDEN');
		const [org] = await t.db.select({ settings: organizers.settings }).from(organizers).where(eq(organizers.id, s.organizer.id));
		expect(org.settings.planningReminders).toBeUndefined();
	});
});
