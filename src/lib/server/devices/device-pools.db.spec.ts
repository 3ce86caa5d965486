// Covers: createDevicePool, setPoolDevice, bookPoolDevices, pickUpBooking, returnBooking, cancelBooking, getDevicePool, findDevicePools, sendLoanReminders, canDevices (devices.pools, devices.book).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { auditEvents, deviceBookings, deviceEvents, devices, outbox } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { createDevicePool } from './create-device-pool';
import { setPoolDevice } from './set-pool-device';
import { bookPoolDevices } from './book-pool-devices';
import { pickUpBooking } from './pick-up-booking';
import { returnBooking } from './return-booking';
import { cancelBooking } from './cancel-booking';
import { getDevicePool } from './get-device-pool';
import { findDevicePools } from './find-device-pools';
import { sendLoanReminders } from './send-loan-reminders';

const t = useTestDatabase();
let counter = 0;
/** 10:00 Stockholm time on a day. */
const at = (day: string) => new Date(`${day}T09:00:00Z`);

async function setUp() {
	const n = ++counter;
	const organizer = await buildOrganizer(t.db);
	const org = organizer.id;
	const school = await buildUnit(t.db, { organizerId: org, name: `Pilskolan ${n}` });
	const other = await buildUnit(t.db, { organizerId: org, name: `Almskolan ${n}` });
	const role = (r: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null) =>
		buildActor(t.db, [{ role: r, organizerId: org, unitId }]);
	const central = await role('central_technical_support', null);
	const techKey = await role('technical_key_person', school.id);
	const teacher = await role('staff', school.id);
	const teacherElsewhere = await role('staff', other.id);
	const student = await role('student', school.id);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Acme', model: `Robot ${n}`, type: 'robot', purchasePrice: '900', expectedLifeMonths: '48' }
	});
	const pool = await createDevicePool(t.db, { actor: techKey, organizerId: org, input: { name: `Robotar ${n}`, unitId: school.id } });
	const tags: string[] = [];
	for (let i = 1; i <= 4; i++) {
		const tag = `R${n}-${i}`;
		await registerDevice(t.db, { actor: techKey, organizerId: org, input: { assetTag: tag, modelId: model.id, unitId: school.id } });
		await setPoolDevice(t.db, { actor: techKey, organizerId: org, poolId: pool.id, tag, inPool: true });
		tags.push(tag);
	}
	return { org, school, other, central, techKey, teacher, teacherElsewhere, student, model, pool, tags };
}
type Scene = Awaited<ReturnType<typeof setUp>>;
const book = (s: Scene, actor: Scene['teacher'], input: Record<string, string>, now = at('2026-12-01')) =>
	bookPoolDevices(t.db, { actor, organizerId: s.org, poolId: s.pool.id, input, now });

describe('loaner pools', () => {
	it('book, hand out and take back a set, with the history and the audit of each step', async () => {
		const s = await setUp();
		const { booking, tags } = await book(s, s.teacher, { startsOn: '2026-12-02', endsOn: '2026-12-04', count: '3', note: 'Klass 5A' });
		expect(tags).toEqual(s.tags.slice(0, 3));
		await expect(
			pickUpBooking(t.db, { actor: s.teacher, organizerId: s.org, bookingId: booking.id, now: at('2026-12-02') })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(
			pickUpBooking(t.db, { actor: s.techKey, organizerId: s.org, bookingId: booking.id, now: at('2026-12-01') })
		).rejects.toMatchObject({
			code: 'CONFLICT',
			issues: [{ message: 'devices_booking_error_too_early' }]
		});
		await pickUpBooking(t.db, { actor: s.techKey, organizerId: s.org, bookingId: booking.id, now: at('2026-12-02') });
		const out = await t.db
			.select()
			.from(devices)
			.where(and(eq(devices.poolId, s.pool.id), eq(devices.status, 'on_loan')));
		expect(out.map((d) => [d.assetTag, d.holderId]).sort()).toEqual(s.tags.slice(0, 3).map((tag) => [tag, s.teacher.personId]));
		const page = await getDevicePool(t.db, { actor: s.teacher, organizerId: s.org, poolId: s.pool.id, now: at('2026-12-02') });
		expect(page.bookings).toMatchObject([{ status: 'picked_up', tags: s.tags.slice(0, 3), note: 'Klass 5A', canCancel: false }]);
		expect(
			page.calendar.map((r) =>
				r.cells
					.slice(0, 3)
					.map((c) => (c ? 'x' : '.'))
					.join('')
			)
		).toEqual(['xxx', 'xxx', 'xxx', '...']);
		await returnBooking(t.db, { actor: s.techKey, organizerId: s.org, bookingId: booking.id, now: at('2026-12-04') });
		const back = await t.db.select().from(devices).where(eq(devices.poolId, s.pool.id));
		expect(back.every((d) => d.status === 'in_stock' && d.holderId === null)).toBe(true);
		const history = await t.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, out[0].id));
		expect(history.map((e) => e.kind).sort()).toEqual(['pool_loaned', 'registered', 'returned']);
		const actions = await t.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, booking.id));
		expect(actions.map((a) => a.action).sort()).toEqual(['device_booking.create', 'device_booking.pick_up', 'device_booking.return']);
	});

	it('refuse a device already booked in an overlapping period, naming it and the days', async () => {
		const s = await setUp();
		await book(s, s.teacher, { startsOn: '2026-12-03', endsOn: '2026-12-05', tags: s.tags[0] });
		await expect(
			book(s, s.techKey, { startsOn: '2026-12-05', endsOn: '2026-12-08', tags: `${s.tags[1]}, ${s.tags[0]}` })
		).rejects.toMatchObject({
			code: 'CONFLICT',
			issues: [{ field: 'tags', message: 'devices_booking_error_taken', params: { tag: s.tags[0], from: '2026-12-03', to: '2026-12-05' } }]
		});
		await expect(book(s, s.teacher, { startsOn: '2026-12-04', endsOn: '2026-12-04', count: '4' })).rejects.toMatchObject({
			issues: [{ field: 'count', params: { free: 3 } }]
		});
		// The day after is free; nothing of the refused bookings was written.
		await book(s, s.teacher, { startsOn: '2026-12-06', endsOn: '2026-12-06', tags: s.tags[0] });
		const rows = await t.db.select().from(deviceBookings).where(eq(deviceBookings.poolId, s.pool.id));
		expect(rows).toHaveLength(2);
	});

	it('refuse bad input beside its field', async () => {
		const s = await setUp();
		const refusal = (input: Record<string, string>, actor = s.teacher) => book(s, actor, input).catch((e) => e.issues[0]);
		expect(await refusal({ startsOn: '2026-11-30', endsOn: '2026-12-02', count: '1' })).toMatchObject({ field: 'startsOn' });
		expect(await refusal({ startsOn: '2026-12-05', endsOn: '2026-12-02', count: '1' })).toMatchObject({ field: 'endsOn' });
		expect(await refusal({ startsOn: '2026-12-02', endsOn: '2026-12-02' })).toMatchObject({ field: 'tags' });
		expect(await refusal({ startsOn: '2026-12-02', endsOn: '2026-12-02', tags: 'NOPE-1' })).toMatchObject({
			message: 'devices_booking_error_not_in_pool',
			params: { tag: 'NOPE-1' }
		});
		expect(await refusal({ startsOn: '2026-12-02', endsOn: '2026-12-02', count: '1', borrower: 'someone@else.se' })).toMatchObject({
			field: 'borrower'
		});
	});

	it('let staff of the unit book and cancel their own, and nobody else', async () => {
		const s = await setUp();
		await expect(book(s, s.teacherElsewhere, { startsOn: '2026-12-02', endsOn: '2026-12-02', count: '1' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(book(s, s.student, { startsOn: '2026-12-02', endsOn: '2026-12-02', count: '1' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const { booking } = await book(s, s.teacher, { startsOn: '2026-12-02', endsOn: '2026-12-02', count: '1' });
		await expect(cancelBooking(t.db, { actor: s.teacherElsewhere, organizerId: s.org, bookingId: booking.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await cancelBooking(t.db, { actor: s.teacher, organizerId: s.org, bookingId: booking.id });
		expect((await findDevicePools(t.db, { actor: s.teacherElsewhere, organizerId: s.org })).pools).toEqual([]);
		const mine = await findDevicePools(t.db, { actor: s.teacher, organizerId: s.org });
		expect(mine.pools.map((p) => [p.name, p.devices, p.canManage])).toEqual([[s.pool.name, 4, false]]);
		expect(mine.units).toEqual([]);
		// A central pool is for central support to make, and every unit's staff to book from.
		await expect(
			createDevicePool(t.db, { actor: s.techKey, organizerId: s.org, input: { name: 'Central', unitId: '' } })
		).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const central = await createDevicePool(t.db, { actor: s.central, organizerId: s.org, input: { name: `Central ${s.pool.name}` } });
		const elsewhere = await findDevicePools(t.db, { actor: s.teacherElsewhere, organizerId: s.org });
		expect(elsewhere.pools.map((p) => [p.id, p.central])).toEqual([[central.id, true]]);
	});

	it('keep a pool to its unit and a booked device in its pool', async () => {
		const s = await setUp();
		await registerDevice(t.db, {
			actor: s.central,
			organizerId: s.org,
			input: { assetTag: `X-${s.pool.id}`, modelId: s.model.id, unitId: s.other.id }
		});
		await expect(
			setPoolDevice(t.db, { actor: s.central, organizerId: s.org, poolId: s.pool.id, tag: `X-${s.pool.id}`, inPool: true })
		).rejects.toMatchObject({
			issues: [{ field: 'tag', message: 'devices_pool_error_other_unit' }]
		});
		await book(s, s.teacher, { startsOn: '2026-12-02', endsOn: '2026-12-02', tags: s.tags[3] }, at('2026-12-01'));
		await expect(
			setPoolDevice(t.db, { actor: s.techKey, organizerId: s.org, poolId: s.pool.id, tag: s.tags[3], inPool: false })
		).rejects.toMatchObject({
			issues: [{ message: 'devices_pool_error_booked' }]
		});
		await setPoolDevice(t.db, { actor: s.techKey, organizerId: s.org, poolId: s.pool.id, tag: s.tags[2], inPool: false });
	});

	it('remind the borrower of a late loan the day after, not twice the same week, and again a week later', async () => {
		const s = await setUp();
		const { booking } = await book(
			s,
			s.techKey,
			{ startsOn: '2026-12-01', endsOn: '2026-12-02', count: '2', borrower: '' },
			at('2026-12-01')
		);
		await pickUpBooking(t.db, { actor: s.techKey, organizerId: s.org, bookingId: booking.id, now: at('2026-12-01') });
		const run = (day: string) => sendLoanReminders(t.db, at(day), { organizerId: s.org });
		expect(await run('2026-12-02')).toEqual({ sent: 0 });
		expect(await run('2026-12-03')).toEqual({ sent: 1 });
		expect(await run('2026-12-03')).toEqual({ sent: 0 });
		expect(await run('2026-12-09')).toEqual({ sent: 0 });
		expect(await run('2026-12-10')).toEqual({ sent: 1 });
		const mails = await t.db.select().from(outbox).where(eq(outbox.organizerId, s.org));
		expect(mails).toHaveLength(2);
		expect(mails[0].subject).toContain(s.pool.name);
		expect(mails[0].body).toContain(`${s.tags[0]}, ${s.tags[1]}`);
		await returnBooking(t.db, { actor: s.techKey, organizerId: s.org, bookingId: booking.id, now: at('2026-12-11') });
		expect(await run('2026-12-20')).toEqual({ sent: 0 });
	});
});
