// Covers: createDeviceModel, registerDevice, handOutDevice, returnDevice, undoDeviceScan, changeDeviceStatus, getDevice, findDevices, findDeviceModels, loadDeviceForm, findDeviceLosses, countDeviceLosses.
import { describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceEvents, devices } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { returnDevice } from './return-device';
import { undoDeviceScan } from './undo-device-scan';
import { changeDeviceStatus } from './change-device-status';
import { getDevice } from './get-device';
import { findDevices } from './find-devices';
import { findDeviceModels } from './find-device-models';
import { loadDeviceForm } from './load-device-form';
import { findDeviceLosses } from './find-device-losses';
import { countDeviceLosses } from './count-device-losses';

const t = useTestDatabase();
let counter = 0;
const tag = () => `T-${Date.now().toString(36)}-${++counter}`;

/** An organizer with an area over a school, another school, their technical key people, central support, a principal and people to hand out to. */
async function setUp() {
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const area = await buildUnit(t.db, { organizerId: org, kind: 'rektorsomrade', name: 'Rektorsområde Väst' });
	const school = await buildUnit(t.db, { organizerId: org, parentId: area.id, name: 'Tallskolan' });
	const elsewhere = await buildUnit(t.db, { organizerId: org, name: 'Granskolan' });
	const at = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null) =>
		buildActor(t.db, [{ role, organizerId: org, unitId }]);
	const central = await at('central_technical_support', null);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: {
			maker: 'Acme',
			model: `Bok ${++counter}`,
			type: 'elevdator',
			purchasePrice: '3600',
			expectedLifeMonths: '36',
			warrantyMonths: '24'
		}
	});
	const student = await buildPerson(t.db, {
		roles: [{ role: 'student', organizerId: org, unitId: school.id }],
		eppn: `elev${counter}@skola.se`
	});
	const otherStudent = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const studentElsewhere = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: elsewhere.id }] });
	const outsider = await buildPerson(t.db);
	return {
		org,
		area,
		school,
		elsewhere,
		model,
		central,
		techKey: await at('technical_key_person', school.id),
		otherKey: await at('technical_key_person', elsewhere.id),
		principal: await at('principal', area.id),
		teacher: await at('staff', school.id),
		student,
		otherStudent,
		studentElsewhere,
		outsider
	};
}

type Scene = Awaited<ReturnType<typeof setUp>>;
const device = (s: Scene, o: { purchaseDate?: string; unitId?: string } = {}) =>
	registerDevice(t.db, {
		actor: s.techKey,
		organizerId: s.org,
		input: { assetTag: tag(), modelId: s.model.id, unitId: o.unitId ?? s.school.id, purchaseDate: o.purchaseDate ?? '2024-08-01' }
	});
const deviceAt = async (s: Scene, unitId: string) =>
	registerDevice(t.db, { actor: s.central, organizerId: s.org, input: { assetTag: tag(), modelId: s.model.id, unitId } });
const historyOf = (deviceId: string) =>
	t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, deviceId)).orderBy(asc(deviceEvents.createdAt));
const stateOf = async (deviceId: string) => (await t.db.select().from(devices).where(eq(devices.id, deviceId)))[0];
const refusal = (p: Promise<unknown>) =>
	p.then(
		() => null,
		(e) => ({ code: e.code as string, issues: e.issues as { field: string; message: string }[] })
	);

describe('the register', () => {
	it('adds models and devices, audited, and refuses a tag or serial number the organizer already has', async () => {
		const s = await setUp();
		const d = await registerDevice(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			input: { assetTag: ' A-100 ', serialNumber: 'SN-1', modelId: s.model.id, unitId: s.school.id, purchaseDate: '2025-08-01' }
		});
		expect(d).toMatchObject({ assetTag: 'A-100', serialNumber: 'SN-1', status: 'in_stock', holderId: null });
		expect((await historyOf(d.id)).map((e) => e.kind)).toEqual(['registered']);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, s.org)));
		expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['device_model.create', 'device.register']));
		const again = (input: Record<string, string>) =>
			refusal(
				registerDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { modelId: s.model.id, unitId: s.school.id, ...input } })
			);
		expect((await again({ assetTag: 'A-100' }))?.issues).toEqual([{ field: 'assetTag', message: 'devices_error_tag_taken' }]);
		expect((await again({ assetTag: 'A-101', serialNumber: 'SN-1' }))?.issues).toEqual([
			{ field: 'serialNumber', message: 'devices_error_serial_taken' }
		]);
		// Devices without a serial number do not clash with each other.
		expect(await again({ assetTag: 'A-102' })).toBeNull();
		expect(await again({ assetTag: 'A-103' })).toBeNull();
		// Another organizer may use the same tag.
		const other = await buildOrganizer(t.db);
		const otherCentral = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: other.id }]);
		const otherUnit = await buildUnit(t.db, { organizerId: other.id });
		const otherModel = await createDeviceModel(t.db, {
			actor: otherCentral,
			organizerId: other.id,
			input: { maker: 'Acme', model: 'Bok', type: 'elevdator', leasePerMonth: '99', expectedLifeMonths: '36' }
		});
		await expect(
			registerDevice(t.db, {
				actor: otherCentral,
				organizerId: other.id,
				input: { assetTag: 'A-100', modelId: otherModel.id, unitId: otherUnit.id }
			})
		).resolves.toMatchObject({ assetTag: 'A-100' });
	});

	it('refuses a model without a price or lease, and a key person adding models or devices at another unit', async () => {
		const s = await setUp();
		const bad = await refusal(
			createDeviceModel(t.db, {
				actor: s.central,
				organizerId: s.org,
				input: { maker: 'X', model: 'Y', type: 'robot', expectedLifeMonths: '12' }
			})
		);
		expect(bad?.issues).toEqual([{ field: 'purchasePrice', message: 'devices_error_price_or_lease' }]);
		expect(
			(await refusal(createDeviceModel(t.db, { actor: s.techKey, organizerId: s.org, input: { maker: 'X', model: 'Y', type: 'robot' } })))
				?.code
		).toBe('FORBIDDEN');
		const elsewhere = await refusal(
			registerDevice(t.db, {
				actor: s.techKey,
				organizerId: s.org,
				input: { assetTag: tag(), modelId: s.model.id, unitId: s.elsewhere.id }
			})
		);
		expect(elsewhere?.code).toBe('FORBIDDEN');
		expect((await loadDeviceForm(t.db, { actor: s.techKey, organizerId: s.org })).units.map((u) => u.id)).toEqual([s.school.id]);
		expect((await findDeviceModels(t.db, { actor: s.principal, organizerId: s.org })).canAdd).toBe(false);
		expect((await refusal(findDevices(t.db, { actor: s.teacher, organizerId: s.org, filter: {} })))?.code).toBe('FORBIDDEN');
	});
});

describe('hand-out', () => {
	it('hands a device to a student of its unit by e-mail or eppn, with its history row and audit event', async () => {
		const s = await setUp();
		const d = await device(s);
		const done = await handOutDevice(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			input: { person: s.student.email.toUpperCase(), tag: d.assetTag }
		});
		expect(done).toMatchObject({ deviceId: d.id, tag: d.assetTag, personName: s.student.name });
		expect(await stateOf(d.id)).toMatchObject({ status: 'handed_out', holderId: s.student.id });
		const d2 = await device(s);
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.eppn!, tag: d2.assetTag } });
		expect((await stateOf(d2.id)).holderId).toBe(s.student.id);
		const [audit] = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.entityId, d.id), eq(auditEvents.action, 'device.hand_out')));
		expect(audit.changes).toEqual({ status: ['in_stock', 'handed_out'], holderId: [null, s.student.id] });
		// The holder reads their own device; the list shows who has it.
		await expect(getDevice(t.db, { actor: await loadAs(s.student.id), organizerId: s.org, deviceId: d.id })).resolves.toBeTruthy();
		const list = await findDevices(t.db, { actor: s.principal, organizerId: s.org, filter: { q: d.assetTag } });
		expect(list.devices).toEqual([expect.objectContaining({ assetTag: d.assetTag, holderName: s.student.name, status: 'handed_out' })]);
	});

	it('refuses each bad scan beside its field and writes nothing', async () => {
		const s = await setUp();
		const free = await device(s);
		const held = await device(s);
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.otherStudent.email, tag: held.assetTag } });
		const blocked = await device(s);
		await changeDeviceStatus(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			deviceId: blocked.id,
			input: { status: 'stolen', note: 'Borta ur skåpet', occurredOn: '2026-09-01', policeReport: '5000-K123456-26' }
		});
		const elsewhere = await deviceAt(s, s.elsewhere.id);
		const scan = (person: string, tagValue: string) =>
			refusal(handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person, tag: tagValue } }));
		const before = await t.db.select().from(deviceEvents);
		expect((await scan('ingen@finns.se', free.assetTag))?.issues).toEqual([{ field: 'person', message: 'devices_error_person_unknown' }]);
		expect((await scan(s.outsider.email, free.assetTag))?.issues).toEqual([
			{ field: 'person', message: 'devices_error_person_not_member' }
		]);
		expect((await scan(s.studentElsewhere.email, free.assetTag))?.issues).toEqual([
			{ field: 'person', message: 'devices_error_person_other_unit' }
		]);
		expect((await scan(s.student.email, 'FINNS-INTE'))?.issues).toEqual([{ field: 'tag', message: 'devices_error_tag_unknown' }]);
		expect(await scan(s.student.email, held.assetTag)).toEqual({
			code: 'CONFLICT',
			issues: [{ field: 'tag', message: 'devices_error_held_by_other' }]
		});
		expect((await scan(s.otherStudent.email, held.assetTag))?.issues).toEqual([{ field: 'tag', message: 'devices_error_already_theirs' }]);
		expect((await scan(s.student.email, blocked.assetTag))?.issues).toEqual([{ field: 'tag', message: 'devices_error_blocked_stolen' }]);
		expect((await scan(s.studentElsewhere.email, elsewhere.assetTag))?.issues).toEqual([
			{ field: 'tag', message: 'devices_error_not_your_unit' }
		]);
		expect((await scan('', ''))?.issues.map((i) => i.field)).toEqual(['person', 'tag']);
		expect(await t.db.select().from(deviceEvents)).toHaveLength(before.length);
		expect(await stateOf(free.id)).toMatchObject({ status: 'in_stock', holderId: null });
		expect(await stateOf(held.id)).toMatchObject({ status: 'handed_out', holderId: s.otherStudent.id });
	});

	it('refuses another organizer and a key person of another unit', async () => {
		const s = await setUp();
		const d = await device(s);
		const other = await buildOrganizer(t.db);
		const otherAdmin = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		expect(
			(await refusal(handOutDevice(t.db, { actor: otherAdmin, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } })))
				?.code
		).toBe('FORBIDDEN');
		expect(
			(
				await refusal(
					handOutDevice(t.db, { actor: otherAdmin, organizerId: other.id, input: { person: s.student.email, tag: d.assetTag } })
				)
			)?.issues
		).toEqual([{ field: 'person', message: 'devices_error_person_not_member' }]);
		expect(
			(await refusal(handOutDevice(t.db, { actor: s.otherKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } })))
				?.issues
		).toEqual([{ field: 'tag', message: 'devices_error_not_your_unit' }]);
		expect((await refusal(getDevice(t.db, { actor: s.otherKey, organizerId: s.org, deviceId: d.id })))?.code).toBe('FORBIDDEN');
		expect((await refusal(getDevice(t.db, { actor: otherAdmin, organizerId: other.id, deviceId: d.id })))?.code).toBe('NOT_FOUND');
		expect((await refusal(getDevice(t.db, { actor: s.teacher, organizerId: s.org, deviceId: d.id })))?.code).toBe('FORBIDDEN');
		await expect(getDevice(t.db, { actor: s.principal, organizerId: s.org, deviceId: d.id })).resolves.toMatchObject({ canManage: false });
		expect(await stateOf(d.id)).toMatchObject({ status: 'in_stock' });
	});
});

describe('return and undo', () => {
	it('takes a device back in order to stock, and a damaged one to repair with a fee from its depreciated value', async () => {
		const s = await setUp();
		const a = await device(s);
		const b = await device(s, { purchaseDate: '2024-08-01' });
		for (const d of [a, b])
			await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const ok = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: a.assetTag, condition: 'ok' } });
		expect(ok).toMatchObject({ personName: s.student.name, condition: 'ok', fee: null });
		expect(await stateOf(a.id)).toMatchObject({ status: 'in_stock', holderId: null });
		const now = new Date('2026-02-01T10:00:00Z');
		const damaged = await returnDevice(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			input: { tag: b.assetTag, condition: 'damaged' },
			now
		});
		// 18 months of 36: about half of 3 600 kr, never the new price.
		expect(damaged.fee).toBeGreaterThan(1700);
		expect(damaged.fee).toBeLessThan(1850);
		expect(await stateOf(b.id)).toMatchObject({ status: 'in_repair', holderId: null });
		const last = (await historyOf(b.id)).at(-1)!;
		expect(last).toMatchObject({
			kind: 'returned',
			personId: s.student.id,
			condition: 'damaged',
			feeProposal: damaged.fee,
			toStatus: 'in_repair'
		});
		expect(
			(await refusal(returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: a.assetTag, condition: 'ok' } })))?.issues
		).toEqual([{ field: 'tag', message: 'devices_error_not_handed_out' }]);
		expect(
			(await refusal(returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: a.assetTag, condition: 'bra' } })))?.issues
		).toEqual([{ field: 'condition', message: 'devices_error_condition' }]);
	});

	it('undoes the last scan by appending a row, never rewriting the history, and refuses an undo something has happened after', async () => {
		const s = await setUp();
		const d = await device(s);
		const out = await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const historyBefore = await historyOf(d.id);
		await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: out.eventId });
		expect(await stateOf(d.id)).toMatchObject({ status: 'in_stock', holderId: null });
		const history = await historyOf(d.id);
		expect(history.slice(0, historyBefore.length)).toEqual(historyBefore);
		expect(history.map((e) => e.kind)).toEqual(['registered', 'handed_out', 'undone']);
		expect(history.at(-1)).toMatchObject({ undoesEventId: out.eventId, toStatus: 'in_stock' });
		// Undoing the same scan twice: something (the undo) has happened after it.
		expect((await refusal(undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: out.eventId })))?.code).toBe('CONFLICT');

		const again = await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const back = await returnDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: d.assetTag, condition: 'damaged' } });
		expect((await refusal(undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: again.eventId })))?.code).toBe('CONFLICT');
		await undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: back.eventId });
		expect(await stateOf(d.id)).toMatchObject({ status: 'handed_out', holderId: s.student.id });
		expect((await refusal(undoDeviceScan(t.db, { actor: s.otherKey, organizerId: s.org, eventId: again.eventId })))?.code).toBe(
			'FORBIDDEN'
		);
		expect((await refusal(undoDeviceScan(t.db, { actor: s.techKey, organizerId: s.org, eventId: 'inte-ett-id' })))?.code).toBe('NOT_FOUND');
		const page = await getDevice(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id });
		expect(page.events.map((e) => e.kind)).toEqual(['registered', 'handed_out', 'undone', 'handed_out', 'returned', 'undone']);
		expect(page.canManage).toBe(true);
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, d.id));
		expect(audits.filter((a) => a.action === 'device.undo_scan')).toHaveLength(2);
	});
});

describe('lost and stolen devices', () => {
	it('requires the day, what happened and, for a theft, the police report number — and writes nothing until they are there', async () => {
		const s = await setUp();
		const d = await device(s);
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.student.email, tag: d.assetTag } });
		const before = await historyOf(d.id);
		const report = (input: Record<string, string>) =>
			refusal(changeDeviceStatus(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input }));
		expect((await report({ status: 'stolen' }))?.issues.map((i) => i.field).sort()).toEqual(['note', 'occurredOn', 'policeReport']);
		expect(
			(await report({ status: 'stolen', note: 'Väskan togs på bussen', occurredOn: '2026-02-30', policeReport: 'K1' }))?.issues
		).toEqual([
			{ field: 'occurredOn', message: 'devices_error_date' },
			{ field: 'policeReport', message: 'devices_error_police_report' }
		]);
		expect((await report({ status: 'lost', note: 'Glömd på tåget', occurredOn: '2999-01-01' }))?.issues).toEqual([
			{ field: 'occurredOn', message: 'devices_error_loss_future' }
		]);
		expect(await historyOf(d.id)).toEqual(before);
		expect(await stateOf(d.id)).toMatchObject({ status: 'handed_out', holderId: s.student.id });

		await changeDeviceStatus(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			deviceId: d.id,
			input: { status: 'stolen', note: 'Väskan togs på bussen', occurredOn: '2026-09-14', policeReport: ' 5000-K123456-26 ' }
		});
		expect(await stateOf(d.id)).toMatchObject({ status: 'stolen', holderId: null });
		expect((await historyOf(d.id)).at(-1)).toMatchObject({
			kind: 'status_changed',
			personId: s.student.id,
			toStatus: 'stolen',
			occurredOn: '2026-09-14',
			policeReport: '5000-K123456-26',
			note: 'Väskan togs på bussen'
		});
		// Blocked: no scan hands it out until it is found again.
		expect(
			(
				await refusal(
					handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.otherStudent.email, tag: d.assetTag } })
				)
			)?.issues
		).toEqual([{ field: 'tag', message: 'devices_error_blocked_stolen' }]);
		// Found again: back in stock, an ordinary change whose note is optional; the report stays in the history.
		await changeDeviceStatus(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id, input: { status: 'in_stock' } });
		const page = await getDevice(t.db, { actor: s.techKey, organizerId: s.org, deviceId: d.id });
		expect(page.events.filter((e) => e.kind === 'status_changed').map((e) => [e.fromStatus, e.toStatus, e.policeReport])).toEqual([
			['handed_out', 'stolen', '5000-K123456-26'],
			['stolen', 'in_stock', null]
		]);
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: s.otherStudent.email, tag: d.assetTag } });
	});

	it('counts the last year of losses per unit and model at the units the actor sees', async () => {
		const s = await setUp();
		const lose = async (unitId: string, status: 'lost' | 'stolen') => {
			const d = await deviceAt(s, unitId);
			const input = { status, note: 'Borta', occurredOn: '2026-10-01', policeReport: status === 'stolen' ? 'K-998877-26' : '' };
			await changeDeviceStatus(t.db, { actor: s.central, organizerId: s.org, deviceId: d.id, input });
			return d;
		};
		const twice = await lose(s.school.id, 'lost');
		await changeDeviceStatus(t.db, { actor: s.central, organizerId: s.org, deviceId: twice.id, input: { status: 'in_stock' } });
		await changeDeviceStatus(t.db, {
			actor: s.central,
			organizerId: s.org,
			deviceId: twice.id,
			input: { status: 'stolen', note: 'Igen', occurredOn: '2026-11-01', policeReport: 'K-112233-26' }
		});
		await lose(s.school.id, 'stolen');
		await lose(s.elsewhere.id, 'lost');
		// Scrapping is not a loss.
		const scrapped = await deviceAt(s, s.elsewhere.id);
		await changeDeviceStatus(t.db, { actor: s.central, organizerId: s.org, deviceId: scrapped.id, input: { status: 'scrapped' } });

		const all = await findDeviceLosses(t.db, { actor: s.central, organizerId: s.org });
		expect(all.byUnit).toEqual([
			{ id: s.school.id, name: 'Tallskolan', lost: 1, stolen: 2 },
			{ id: s.elsewhere.id, name: 'Granskolan', lost: 1, stolen: 0 }
		]);
		expect(all.byModel).toEqual([{ id: s.model.id, name: `Acme ${s.model.model}`, lost: 2, stolen: 2 }]);
		// The principal of the area sees only Tallskolan's; a year later the reports have aged out.
		expect((await findDeviceLosses(t.db, { actor: s.principal, organizerId: s.org })).byUnit.map((u) => u.name)).toEqual(['Tallskolan']);
		const later = new Date(Date.now() + 400 * 86_400_000);
		expect((await findDeviceLosses(t.db, { actor: s.central, organizerId: s.org, now: later })).byUnit).toEqual([]);
		expect((await refusal(findDeviceLosses(t.db, { actor: s.teacher, organizerId: s.org })))?.code).toBe('FORBIDDEN');
		// The follow-up picture's sum: the whole organizer from the reports alone, a reader's or a scope's units joined.
		const losses = (actor: typeof s.central, unitIds: string[] | null, now?: Date) =>
			countDeviceLosses(t.db, { actor, organizerId: s.org, unitIds, now });
		expect(await losses(s.central, null)).toBe(4);
		expect(await losses(s.principal, null)).toBe(3);
		expect(await losses(s.central, [s.elsewhere.id])).toBe(1);
		expect(await losses(s.principal, [s.elsewhere.id])).toBe(0);
		expect(await losses(s.central, null, later)).toBe(0);
		expect((await refusal(losses(s.teacher, null)))?.code).toBe('FORBIDDEN');
	});
});

import { loadActor } from '../auth/load-actor';
const loadAs = async (personId: string) => (await loadActor(t.db, personId))!;
