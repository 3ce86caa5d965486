// Covers: closeReturnCase (through undoDeviceScan): undoing a damaged return closes the case it opened, or leaves one
// someone has taken on; nothing is half-written when the close fails.
import { describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceEvents, devices, surveyPulseDecisions, ticketEvents, tickets } from '../db/schema';
import { sendPulses } from '../followup/surveys/send-pulses';
import { addInternalNote } from '../support/handling/add-internal-note';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { undoDeviceScan } from './undo-device-scan';

const t = useTestDatabase();
let n = 0;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A school with its technical key person and central support, a student holding a three-year-old device. */
async function damagedReturn() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org, name: 'Almskolan' });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org }]);
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: {
			maker: 'Acme',
			model: `Ångra ${++n}`,
			type: 'elevdator',
			purchasePrice: '6000',
			expectedLifeMonths: '48',
			warrantyMonths: '24'
		}
	});
	const device = await registerDevice(t.db, {
		actor: central,
		organizerId: org,
		input: { assetTag: `U-${Date.now().toString(36)}-${++n}`, modelId: model.id, unitId: school.id, purchaseDate: daysAgo(900) }
	});
	await handOutDevice(t.db, { actor: techKey, organizerId: org, input: { person: student.email, tag: device.assetTag } });
	const back = await returnDevice(t.db, { actor: techKey, organizerId: org, input: { tag: device.assetTag, condition: 'damaged' } });
	const [ticket] = await t.db.select().from(tickets).where(eq(tickets.deviceId, device.id));
	return { org, central, techKey, student, device, back, ticket };
}

const caseNow = async (id: string) => (await t.db.select().from(tickets).where(eq(tickets.id, id)))[0];
const caseEvents = (id: string) => t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, id)).orderBy(ticketEvents.createdAt);

describe('undoing a damaged return', () => {
	it('closes the case the return opened, unsolved, with a public event saying why, audited, in the undo', async () => {
		const s = await damagedReturn();
		expect(s.ticket.state).toBe('new');
		const done = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(done).toMatchObject({ undone: 'returned', returnCase: { number: s.ticket.number, outcome: 'closed' } });
		const after = await caseNow(s.ticket.id);
		expect(after.state).toBe('closed');
		expect(after.closedAt).not.toBeNull();
		const close = (await caseEvents(s.ticket.id)).at(-1)!;
		expect(close).toMatchObject({ kind: 'close', public: true, stateTo: 'closed', actorId: s.techKey.personId });
		expect(close.body).toContain(`återlämningen av ${s.device.assetTag} ångrades`);
		expect(close.data).toMatchObject({ unsolved: true, undoneDeviceReturn: s.back.eventId });
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, s.ticket.id));
		expect(audits.map((a) => a.action).sort()).toEqual(['ticket.close', 'ticket.create']);
		expect(audits.find((a) => a.action === 'ticket.close')!.changes).toMatchObject({
			state: ['new', 'closed'],
			unsolved: true,
			undoneDeviceReturn: s.back.eventId
		});
		const [undo] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.undo_scan'), eq(auditEvents.entityId, s.device.id)));
		expect(undo.changes).toMatchObject({ caseNumber: s.ticket.number, case: 'closed' });
		// The device is back with the student, as before the return.
		const [device] = await t.db.select().from(devices).where(eq(devices.id, s.device.id));
		expect(device).toMatchObject({ status: 'handed_out', holderId: s.student.id });
		// Filed by mistake: the student is not asked how the case went.
		await sendPulses(t.db, new Date(Date.now() + 10 * 86_400_000), { organizerId: s.org });
		const [pulse] = await t.db.select().from(surveyPulseDecisions).where(eq(surveyPulseDecisions.ticketId, s.ticket.id));
		expect(pulse?.outcome).toBe('withdrawn');
	});

	it('leaves a case someone has taken on open and says so; the device is still restored', async () => {
		const s = await damagedReturn();
		await addInternalNote(t.db, {
			actor: s.central,
			organizerId: s.org,
			number: s.ticket.number,
			input: { body: 'Beställt ny skärm från leverantören.' }
		});
		const done = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(done.returnCase).toEqual({ number: s.ticket.number, outcome: 'kept' });
		expect((await caseNow(s.ticket.id)).state).toBe('new');
		expect((await caseEvents(s.ticket.id)).map((e) => e.kind)).toEqual(['filed', 'note']);
		const [device] = await t.db.select().from(devices).where(eq(devices.id, s.device.id));
		expect(device).toMatchObject({ status: 'handed_out', holderId: s.student.id });
		const [undo] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.action, 'device.undo_scan'), eq(auditEvents.entityId, s.device.id)));
		expect(undo.changes).toMatchObject({ caseNumber: s.ticket.number, case: 'kept' });
	});

	it('leaves a case that has moved on (another state, assigned) open', async () => {
		const s = await damagedReturn();
		// Moved on without a timeline event of its own, as a bulk step or an older version might leave it.
		await t.db.update(tickets).set({ state: 'in_progress', assigneeId: s.central.personId }).where(eq(tickets.id, s.ticket.id));
		const done = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(done.returnCase).toEqual({ number: s.ticket.number, outcome: 'kept' });
		expect((await caseNow(s.ticket.id)).state).toBe('in_progress');
	});

	it('says a case already closed was closed, and writes nothing on it', async () => {
		const s = await damagedReturn();
		await t.db.update(tickets).set({ state: 'closed', closedAt: new Date() }).where(eq(tickets.id, s.ticket.id));
		const done = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(done.returnCase).toEqual({ number: s.ticket.number, outcome: 'already_closed' });
		expect((await caseEvents(s.ticket.id)).map((e) => e.kind)).toEqual(['filed']);
	});

	it('writes nothing when closing the case fails: the device keeps its return, the case stays open', async () => {
		const s = await damagedReturn();
		const fn = `refuse_close_${s.ticket.number}_${n}`;
		await t.db.execute(
			sql.raw(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
				IF NEW.ticket_id = '${s.ticket.id}' AND NEW.kind = 'close' THEN RAISE EXCEPTION 'refused in test'; END IF;
				RETURN NEW; END $$`)
		);
		await t.db.execute(sql.raw(`CREATE TRIGGER ${fn} BEFORE INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION ${fn}()`));
		try {
			const failed = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId }).then(
				() => null,
				(e: Error & { cause?: Error }) => e
			);
			expect(failed?.cause?.message ?? failed?.message).toContain('refused in test');
		} finally {
			await t.db.execute(sql.raw(`DROP TRIGGER ${fn} ON ticket_events`));
			await t.db.execute(sql.raw(`DROP FUNCTION ${fn}()`));
		}
		const [device] = await t.db.select().from(devices).where(eq(devices.id, s.device.id));
		expect(device).toMatchObject({ status: 'in_repair', holderId: null });
		const [last] = await t.db
			.select()
			.from(deviceEvents)
			.where(eq(deviceEvents.deviceId, s.device.id))
			.orderBy(desc(deviceEvents.createdAt))
			.limit(1);
		expect(last.kind).toBe('returned');
		expect((await caseNow(s.ticket.id)).state).toBe('new');
		expect(
			await t.db
				.select()
				.from(auditEvents)
				.where(and(eq(auditEvents.action, 'device.undo_scan'), eq(auditEvents.entityId, s.device.id)))
		).toEqual([]);
		// Once the fault is gone, the same undo goes through and closes the case.
		const done = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(done.returnCase?.outcome).toBe('closed');
	});

	it('an undone hand-out or a return in order touches no case', async () => {
		const s = await damagedReturn();
		const again = await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: s.back.eventId });
		expect(again.returnCase?.outcome).toBe('closed');
		const ok = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: s.device.assetTag, condition: 'ok' } });
		expect((await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: ok.eventId })).returnCase).toBeNull();
	});
});
