// Covers: sendAnswerReminders, reminderPoint, countAnswerReminders, createRound and updateRound (the reminder setting).
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { assessmentResponses, assessmentRounds, auditEvents, outbox } from '../../db/schema';
import { env } from '../../env';
import { createRound } from '../rounds/create-round';
import { updateRound } from '../rounds/update-round';
import { reminderPoint, sendAnswerReminders } from './send-answer-reminders';
import { countAnswerReminders } from './count-answer-reminders';

const t = useTestDatabase();
/** A morning in Stockholm on that day (winter time, +01:00). */
const on = (day: string) => new Date(`${day}T08:00:00+01:00`);

async function setup(o: { reminderDays?: number[]; closedAt?: Date } = {}) {
	const organizer = await buildOrganizer(t.db);
	const area = await buildUnit(t.db, { organizerId: organizer.id, kind: 'rektorsomrade', name: 'Norra området' });
	const school = await buildUnit(t.db, { organizerId: organizer.id, parentId: area.id, name: 'Ekskolan' });
	const round = await buildRound(t.db, {
		organizer,
		units: [school],
		name: 'Höstens skattning',
		perspectives: ['staff', 'leadership', 'students'],
		opensOn: '2026-11-01',
		closesOn: '2026-11-30',
		reminderDays: o.reminderDays ?? [7, 2],
		closedAt: o.closedAt
	});
	const person = (name: string, role: 'staff' | 'principal' | 'student', unitId = school.id) =>
		buildPerson(t.db, { name, roles: [{ role, organizerId: organizer.id, unitId }] });
	const mails = () => t.db.select().from(outbox).where(eq(outbox.organizerId, organizer.id)).orderBy(asc(outbox.id));
	const run = (day: string) => sendAnswerReminders(t.db, on(day), { organizerId: organizer.id });
	return { organizer, area, school, round, person, mails, run };
}

describe('reminderPoint', () => {
	const round = { opensOn: '2026-11-01', closesOn: '2026-11-30', reminderDays: [7, 2] };
	it('is the nearest point whose day has come, and none before the first or on points before the round opened', () => {
		expect(reminderPoint(round, '2026-11-22')).toBeNull();
		expect(reminderPoint(round, '2026-11-23')).toBe(7);
		expect(reminderPoint(round, '2026-11-27')).toBe(7);
		expect(reminderPoint(round, '2026-11-28')).toBe(2);
		expect(reminderPoint(round, '2026-11-30')).toBe(2);
		expect(reminderPoint({ ...round, opensOn: '2026-11-26' }, '2026-11-26')).toBeNull();
		expect(reminderPoint({ ...round, reminderDays: [] }, '2026-11-29')).toBeNull();
	});
});

describe('sendAnswerReminders', () => {
	it('mails each person with an account who has not submitted, once per reminder point, with the link and closing day', async () => {
		const s = await setup();
		const waiting = await s.person('Vera Väntar', 'staff');
		const started = await s.person('Sam Påbörjat', 'staff');
		const done = await s.person('Disa Klar', 'staff');
		const principal = await s.person('Rut Rektor', 'principal', s.area.id);
		await buildResponse(t.db, {
			round: s.round,
			unitId: s.school.id,
			perspective: 'staff',
			personId: started.id,
			answers: {},
			submitted: false
		});
		await buildResponse(t.db, { round: s.round, unitId: s.school.id, perspective: 'staff', personId: done.id, answers: { 'x.y': 3 } });
		// Anonymous-link answers have no account: nobody to mail, and they count for no one.
		await buildResponse(t.db, { round: s.round, unitId: s.school.id, perspective: 'students', answers: { 'x.y': 2 } });

		expect(await s.run('2026-11-22')).toEqual({ sent: 0 });
		expect(await s.run('2026-11-23')).toEqual({ sent: 3 });
		const to = (await s.mails()).map((m) => m.toAddress).sort();
		expect(to).toEqual([waiting.email, started.email, principal.email].sort());
		expect(to).not.toContain(done.email);
		const mail = (await s.mails()).find((m) => m.toAddress === waiting.email)!;
		expect(mail.subject).toContain('Höstens skattning');
		expect(mail.subject).toContain('2026-11-30');
		expect(mail.body).toContain(`${env.ORIGIN}/${s.organizer.slug}/skattning/${s.round.id}/svara/${s.school.id}`);
		expect(mail.body).toContain('Ekskolan');
		expect(mail.body).toContain('om 7 dagar');
		expect(mail.body).not.toMatch(/Disa|Sam|Rut/);

		// The same point again, on the same day or later: nothing new.
		expect(await s.run('2026-11-23')).toEqual({ sent: 0 });
		expect(await s.run('2026-11-26')).toEqual({ sent: 0 });
		// The started one submits before the next point and gets no second reminder.
		await t.db.update(assessmentResponses).set({ submittedAt: new Date() }).where(eq(assessmentResponses.personId, started.id));
		expect(await s.run('2026-11-28')).toEqual({ sent: 2 });
		expect((await s.mails()).filter((m) => m.toAddress === started.email)).toHaveLength(1);
		expect((await s.mails()).filter((m) => m.toAddress === waiting.email)).toHaveLength(2);

		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.organizer.id), eq(auditEvents.action, 'assessment_round.remind')));
		expect(audit).toHaveLength(5);
		const manager = await buildActor(t.db, [{ role: 'leadership', organizerId: s.organizer.id }]);
		expect(await countAnswerReminders(t.db, { actor: manager, round: s.round })).toEqual([
			{ daysBefore: 7, count: 3 },
			{ daysBefore: 2, count: 2 }
		]);
		const staffActor = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizer.id, unitId: s.school.id }]);
		await expect(countAnswerReminders(t.db, { actor: staffActor, round: s.round })).rejects.toMatchObject({ code: 'FORBIDDEN' });
	});

	it('sends nothing for a closed round, after the closing day, with reminders off, or to people no longer there', async () => {
		const closed = await setup({ closedAt: new Date('2026-11-20T10:00:00Z') });
		await closed.person('Ella Efter', 'staff');
		expect(await closed.run('2026-11-29')).toEqual({ sent: 0 });

		const late = await setup();
		await late.person('Lars Sen', 'staff');
		expect(await late.run('2026-12-01')).toEqual({ sent: 0 });

		const off = await setup({ reminderDays: [] });
		await off.person('Olga Av', 'staff');
		expect(await off.run('2026-11-29')).toEqual({ sent: 0 });

		const gone = await setup();
		await buildPerson(t.db, {
			name: 'Inaktiv',
			status: 'inactive',
			roles: [{ role: 'staff', organizerId: gone.organizer.id, unitId: gone.school.id }]
		});
		await buildPerson(t.db, {
			name: 'Slutat',
			roles: [{ role: 'staff', organizerId: gone.organizer.id, unitId: gone.school.id, endsOn: '2026-11-10' }]
		});
		await buildPerson(t.db, { name: 'Ledning', roles: [{ role: 'leadership', organizerId: gone.organizer.id }] });
		await buildPerson(t.db, {
			name: 'Vårdnadshavare',
			roles: [{ role: 'guardian', organizerId: gone.organizer.id, unitId: gone.school.id }]
		});
		expect(await gone.run('2026-11-29')).toEqual({ sent: 0 });
		expect(await gone.mails()).toHaveLength(0);
	});
});

describe('the reminder setting on the round form', () => {
	it('defaults to 7 and 2 days, can be turned off or changed, is audited, and rejects bad days with nothing written', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const input = {
			name: 'Vårens skattning',
			framework: 'nationella-strategin@2026.1',
			unitIds: [unit.id],
			perspectives: ['staff'],
			opensOn: '2027-03-01',
			closesOn: '2027-03-31'
		};
		const round = await createRound(t.db, { actor: admin, organizerId: organizer.id, input });
		expect(round.reminderDays).toEqual([7, 2]);
		const stored = async () => (await t.db.select().from(assessmentRounds).where(eq(assessmentRounds.id, round.id)))[0].reminderDays;

		await updateRound(t.db, {
			actor: admin,
			organizerId: organizer.id,
			roundId: round.id,
			input: { ...input, remind: false, remindDays: '7, 2' }
		});
		expect(await stored()).toEqual([]);
		await updateRound(t.db, {
			actor: admin,
			organizerId: organizer.id,
			roundId: round.id,
			input: { ...input, remind: true, remindDays: '3, 10, 3' }
		});
		expect(await stored()).toEqual([10, 3]);
		// Input that says nothing about reminders keeps them.
		await updateRound(t.db, {
			actor: admin,
			organizerId: organizer.id,
			roundId: round.id,
			input: { ...input, name: 'Vårens skattning 2027' }
		});
		expect(await stored()).toEqual([10, 3]);
		await expect(
			updateRound(t.db, {
				actor: admin,
				organizerId: organizer.id,
				roundId: round.id,
				input: { ...input, remind: true, remindDays: '7, 99' }
			})
		).rejects.toMatchObject({ code: 'INVALID', issues: [{ field: 'remindDays', message: 'rates_error_remind_days' }] });
		expect(await stored()).toEqual([10, 3]);

		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, round.id), eq(auditEvents.action, 'assessment_round.update')))
			.orderBy(asc(auditEvents.id));
		expect(audit.map((a) => (a.changes as Record<string, unknown>).reminderDays)).toEqual([[[7, 2], []], [[], [10, 3]], undefined]);
	});
});
