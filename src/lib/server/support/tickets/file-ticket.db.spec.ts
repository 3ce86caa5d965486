// Covers: fileTicket.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildTicket, buildUnit } from '../../../../../tests/factories';
import { auditEvents, organizers, supportSlaTargets, ticketEvents, tickets } from '../../db/schema';
import { fileTicket } from './file-ticket';

const t = useTestDatabase();
const base = { chain: 'technical', title: 'Projektorn i sal 4', description: 'Den startar inte.', urgency: 'high' } as const;

describe('filing a case', () => {
	it('numbers cases per organizer, starts the timeline and audits the filing', async () => {
		const a = await buildTicket(t.db);
		const b = await buildTicket(t.db, { organizerId: a.organizerId });
		const other = await buildTicket(t.db);
		expect([a.ticket.number, b.ticket.number, other.ticket.number]).toEqual([1, 2, 1]);
		expect(a.ticket).toMatchObject({ state: 'new', line: 1, requesterId: a.requester.personId, filedById: a.requester.personId });
		const events = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, a.ticket.id));
		expect(events).toMatchObject([{ kind: 'filed', stateTo: 'new', lineTo: 1, by: 'requester', public: true }]);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, a.ticket.id));
		expect(audit.map((e) => e.action)).toEqual(['ticket.create']);
	});

	it('records lost teaching time and copies the SLA targets in force', async () => {
		const org = await buildOrganizer(t.db);
		await t.db
			.insert(supportSlaTargets)
			.values({ organizerId: org.id, chain: 'technical', urgency: 'high', firstResponseMinutes: 120, line2Minutes: 960 });
		const { ticket } = await buildTicket(t.db, { organizerId: org.id, input: { ...base, lostAmount: '2', studentsAffected: '27' } });
		expect(ticket).toMatchObject({
			minutesLost: 120,
			lostTimeUnit: 'lesson',
			studentsAffected: 27,
			slaTargets: { firstResponse: 120, perLine: { 2: 960 } }
		});
	});

	it('stores lost time once, in minutes, with the unit it was typed in (a decimal comma is fine)', async () => {
		const org = await buildOrganizer(t.db);
		const hours = await buildTicket(t.db, { organizerId: org.id, input: { ...base, lostAmount: '1,5', lostUnit: 'hour' } });
		expect(hours.ticket).toMatchObject({ minutesLost: 90, lostTimeUnit: 'hour' });
		const minutes = await buildTicket(t.db, { organizerId: org.id, input: { ...base, lostAmount: ' 40 ', lostUnit: 'minute' } });
		expect(minutes.ticket).toMatchObject({ minutesLost: 40, lostTimeUnit: 'minute' });
		const none = await buildTicket(t.db, { organizerId: org.id, input: { ...base, lostAmount: '', lostUnit: 'minute' } });
		expect(none.ticket).toMatchObject({ minutesLost: 0 });
	});

	it('refuses lost time that is not a number, negative or absurdly large, beside the field', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const actor = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const attempt = (lostAmount: string, lostUnit: string) =>
			fileTicket(t.db, { actor, organizerId: org.id, input: { ...base, unitId: unit.id, lostAmount, lostUnit: lostUnit as never } }).catch(
				(e) => e
			);
		for (const [amount, unitName, message] of [
			['två', 'lesson', 'losttime_error_amount'],
			['-1', 'lesson', 'losttime_error_amount'],
			['501', 'hour', 'losttime_error_too_large'],
			['40000', 'minute', 'losttime_error_too_large'],
			['2', 'dagar', 'losttime_error_unit']
		]) {
			const err = await attempt(amount, unitName);
			expect(err.code, amount).toBe('INVALID');
			expect(err.issues, amount).toContainEqual(expect.objectContaining({ message }));
		}
		expect(await t.db.select().from(tickets).where(eq(tickets.organizerId, org.id))).toEqual([]);
	});

	it('refuses bad input with field messages and writes nothing', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const actor = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const err = await fileTicket(t.db, {
			actor,
			organizerId: org.id,
			input: { ...base, unitId: unit.id, title: 'x', urgency: 'panik' as never, lostAmount: '-1' }
		}).catch((e) => e);
		expect(err.code).toBe('INVALID');
		expect(err.issues.map((i: { field: string }) => i.field).sort()).toEqual(['lostAmount', 'title', 'urgency']);
		expect(await t.db.select().from(tickets).where(eq(tickets.organizerId, org.id))).toEqual([]);
	});

	it('does not let a student file unless the organizer allows it, nor anyone file for another organizer', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const student = await buildActor(t.db, [{ role: 'student', organizerId: org.id, unitId: unit.id }]);
		const input = { ...base, unitId: unit.id };
		expect((await fileTicket(t.db, { actor: student, organizerId: org.id, input }).catch((e) => e)).code).toBe('FORBIDDEN');
		await t.db
			.update(organizers)
			.set({ settings: { support: { allowStudents: true } } })
			.where(eq(organizers.id, org.id));
		expect((await fileTicket(t.db, { actor: student, organizerId: org.id, input })).requesterId).toBe(student.personId);
		const stranger = await buildActor(t.db, [{ role: 'org_admin', organizerId: (await buildOrganizer(t.db)).id }]);
		expect((await fileTicket(t.db, { actor: stranger, organizerId: org.id, input }).catch((e) => e)).code).toBe('FORBIDDEN');
	});

	it('lets a mentor file on behalf of a student of the organizer, who then owns the case', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		const mentor = await buildActor(t.db, [{ role: 'staff', organizerId: org.id, unitId: unit.id }]);
		const pupil = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org.id, unitId: unit.id }] });
		const outsider = await buildPerson(t.db);
		const ticket = await fileTicket(t.db, {
			actor: mentor,
			organizerId: org.id,
			input: { ...base, unitId: unit.id, onBehalfOfId: pupil.id }
		});
		expect(ticket).toMatchObject({ requesterId: pupil.id, filedById: mentor.personId });
		const err = await fileTicket(t.db, {
			actor: mentor,
			organizerId: org.id,
			input: { ...base, unitId: unit.id, onBehalfOfId: outsider.id }
		}).catch((e) => e);
		expect(err.issues).toEqual([{ field: 'onBehalfOfId', message: 'support_error_choose_person' }]);
	});
});
