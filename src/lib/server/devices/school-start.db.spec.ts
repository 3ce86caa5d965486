// Covers: parseClassList, findClassDevices, pickUpBookingByTag, getHandOutReceipt (decision 069).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { devices } from '../db/schema';
import { loadActor } from '../auth/load-actor';
import { eq } from 'drizzle-orm';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { handOutDevice } from './hand-out-device';
import { createDevicePool } from './create-device-pool';
import { setPoolDevice } from './set-pool-device';
import { bookPoolDevices } from './book-pool-devices';
import { findClassDevices, parseClassList } from './find-class-devices';
import { pickUpBookingByTag } from './pick-up-booking-by-tag';
import { getHandOutReceipt } from './get-hand-out-receipt';

const t = useTestDatabase();

async function setUp() {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org });
	const other = await buildUnit(t.db, { organizerId: org });
	const techKey = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: org, unitId: school.id }]);
	const students = [];
	for (let i = 0; i < 3; i++) students.push(await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] }));
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Skolstart', model: `S-${org}`, type: 'elevdator', purchasePrice: '6000', expectedLifeMonths: '48' }
	});
	const reg = (tag: string, unitId = school.id) =>
		registerDevice(t.db, {
			actor: techKey,
			organizerId: org,
			input: { assetTag: `${tag}-${org}`, modelId: model.id, unitId, purchaseDate: '2026-07-01' }
		});
	return { org, school, other, techKey, students, model, reg };
}

describe('a school start', () => {
	it('reads the identifiers of a pasted class list, skipping names and headers', () => {
		expect(parseClassList('e-post;namn\nanna@skola.se;Anna A\n"bo@skola.se","Bo B"\nANNA@skola.se\nelev7@idp.skola.se')).toEqual([
			'anna@skola.se',
			'bo@skola.se',
			'elev7@idp.skola.se'
		]);
	});

	it('lists who on a class list still has no device, and offers the first of them next', async () => {
		const s = await setUp();
		const [a, b, c] = s.students;
		await s.reg('K1');
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: a.email, tag: `K1-${s.org}` } });
		const outsider = await buildPerson(t.db, {});
		const list = await findClassDevices(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			identifiers: [a.email, b.email.toUpperCase(), 'ingen@exempel.se', outsider.email, c.email]
		});
		expect(list.rows.map((r) => [r.name !== null, r.member, r.tags])).toEqual([
			[true, true, [`K1-${s.org}`]],
			[true, true, []],
			[false, false, []],
			[true, false, []],
			[true, true, []]
		]);
		expect(list.without).toBe(2);
		expect(list.next).toBe(b.email.toUpperCase());
		// Someone who does not manage devices gets no list.
		await expect(findClassDevices(t.db, { actor: null, organizerId: s.org, identifiers: [a.email] })).rejects.toMatchObject({
			code: 'UNAUTHENTICATED'
		});
	});

	it('picks up a booking by scanning one of its devices, and refuses a tag in no booking beside the field', async () => {
		const s = await setUp();
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: s.org, unitId: s.school.id }]);
		const pool = await createDevicePool(t.db, {
			actor: s.techKey,
			organizerId: s.org,
			input: { name: `Pool ${s.org}`, unitId: s.school.id }
		});
		for (const tag of ['P1', 'P2', 'P3']) {
			await s.reg(tag);
			await setPoolDevice(t.db, { actor: s.techKey, organizerId: s.org, poolId: pool.id, tag: `${tag}-${s.org}`, inPool: true });
		}
		const now = new Date('2026-12-02T09:00:00Z');
		await bookPoolDevices(t.db, {
			actor: teacher,
			organizerId: s.org,
			poolId: pool.id,
			input: { startsOn: '2026-12-02', endsOn: '2026-12-04', count: '2', note: 'Klass 8B' },
			now
		});
		await expect(
			pickUpBookingByTag(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: `P3-${s.org}` }, now })
		).rejects.toMatchObject({ issues: [{ field: 'tag', message: 'devices_pickup_error_no_booking' }] });
		await expect(
			pickUpBookingByTag(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: 'FINNS-INTE' }, now })
		).rejects.toMatchObject({ issues: [{ field: 'tag', message: 'devices_error_tag_unknown' }] });
		const done = await pickUpBookingByTag(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: `P2-${s.org}` }, now });
		expect(done.tags).toEqual([`P1-${s.org}`, `P2-${s.org}`]);
		expect(done.endsOn).toBe('2026-12-04');
		// Scanning again: the booking is already out.
		await expect(
			pickUpBookingByTag(t.db, { actor: s.techKey, organizerId: s.org, input: { tag: `P1-${s.org}` }, now })
		).rejects.toMatchObject({ issues: [{ field: 'tag', message: 'devices_pickup_error_no_booking' }] });
		// The loan has a receipt with its due day.
		const device = await getHandOutReceipt(t.db, { actor: teacher, organizerId: s.org, deviceId: (await deviceByTag(`P1-${s.org}`)).id });
		expect(device).toMatchObject({ kind: 'pool_loaned', dueOn: '2026-12-04' });
	});

	it('prints a receipt for a hand-out for the holder and those who manage the device, with its written-down value', async () => {
		const s = await setUp();
		const [a, b] = s.students;
		const device = await s.reg('R1');
		const now = new Date('2027-07-01T08:00:00Z');
		await handOutDevice(t.db, { actor: s.techKey, organizerId: s.org, input: { person: a.email, tag: `R1-${s.org}` }, now });
		const receipt = await getHandOutReceipt(t.db, { actor: s.techKey, organizerId: s.org, deviceId: device.id });
		expect(receipt).toMatchObject({ kind: 'handed_out', device: { tag: `R1-${s.org}` }, leased: false });
		expect(receipt.valueThatDay).toBeLessThan(6000);
		expect(receipt.valueThatDay).toBeGreaterThan(0);
		const studentActor = await loadAs(a.id);
		expect((await getHandOutReceipt(t.db, { actor: studentActor, organizerId: s.org, deviceId: device.id })).eventId).toBe(receipt.eventId);
		await expect(getHandOutReceipt(t.db, { actor: await loadAs(b.id), organizerId: s.org, deviceId: device.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		const unregistered = await s.reg('R2');
		await expect(getHandOutReceipt(t.db, { actor: s.techKey, organizerId: s.org, deviceId: unregistered.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});
});

async function deviceByTag(tag: string) {
	const [d] = await t.db.select().from(devices).where(eq(devices.assetTag, tag));
	return d;
}

const loadAs = async (personId: string) => (await loadActor(t.db, personId))!;
