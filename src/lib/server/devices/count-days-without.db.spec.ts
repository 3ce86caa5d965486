// Covers: countDaysWithout and countRepairDays — the whole organizer read without the devices, units through them.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { deviceRepairs } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { countDaysWithout } from './count-days-without';
import { countRepairDays } from './count-repair-days';

const t = useTestDatabase();

/** An organizer with two schools, a device or two at each, and a student holding them; central support registers. */
async function organizerWithDevices(tag: string) {
	const org = (await buildOrganizer(t.db)).id;
	const school = await buildUnit(t.db, { organizerId: org });
	const elsewhere = await buildUnit(t.db, { organizerId: org });
	const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
	const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
	const model = await createDeviceModel(t.db, {
		actor: central,
		organizerId: org,
		input: { maker: 'Räkna', model: tag, type: 'elevdator', purchasePrice: '4000', expectedLifeMonths: '48' }
	});
	const reg = (name: string, unitId: string) =>
		registerDevice(t.db, {
			actor: central,
			organizerId: org,
			input: { assetTag: `${tag}-${name}-${org}`, modelId: model.id, unitId, purchaseDate: '2024-01-01' }
		});
	return {
		org,
		school,
		elsewhere,
		central,
		student,
		a: await reg('A', school.id),
		b: await reg('B', school.id),
		far: await reg('D', elsewhere.id)
	};
}

describe('repairs and days without a device in a period', () => {
	it('counts the whole organizer from its repairs alone, and units through where each device is, never another organizer’s', async () => {
		const s = await organizerWithDevices('R1');
		const other = await organizerWithDevices('R2');
		const repair = (o: typeof s, deviceId: string, sent: string, returned: string | null, loanerDeviceId: string | null = null) => ({
			organizerId: o.org,
			deviceId,
			holderId: o.student.id,
			loanerDeviceId,
			sentAt: new Date(sent),
			returnedAt: returned ? new Date(returned) : null,
			cost: 100
		});
		await t.db.insert(deviceRepairs).values([
			// In the period: 10 days without; with a loaner, none; at the other school, 91 days.
			repair(s, s.a.id, '2025-09-01T08:00:00Z', '2025-09-11T08:00:00Z'),
			repair(s, s.b.id, '2025-10-01T08:00:00Z', '2025-10-05T08:00:00Z', s.a.id),
			repair(s, s.far.id, '2025-09-01T08:00:00Z', '2025-12-01T08:00:00Z'),
			// Before the period, and another organizer's in it: never counted here.
			repair(s, s.a.id, '2025-03-01T08:00:00Z', '2025-03-04T08:00:00Z'),
			repair(other, other.a.id, '2025-09-01T08:00:00Z', '2025-11-01T08:00:00Z')
		]);
		const now = new Date('2025-12-31T12:00:00Z');
		const period = { from: '2025-07-01', to: '2026-07-01', now };
		const count = (unitIds: string[] | null) => countRepairDays(t.db, { organizerId: s.org, unitIds, ...period });
		expect(await count(null)).toEqual({ repairs: 3, repairsOfHeld: 3, daysWithoutDevice: 101 });
		expect(await count([s.school.id, s.elsewhere.id])).toEqual(await count(null));
		expect(await count([s.school.id])).toEqual({ repairs: 2, repairsOfHeld: 2, daysWithoutDevice: 10 });
		expect(await count([])).toEqual({ repairs: 0, repairsOfHeld: 0, daysWithoutDevice: 0 });

		// Central support sees every unit (read as the whole organizer); a principal only their school.
		expect(await countDaysWithout(t.db, { actor: s.central, organizerId: s.org, unitIds: null, ...period })).toEqual({
			repairs: 3,
			daysWithout: 101
		});
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: s.org, unitId: s.school.id }]);
		expect(await countDaysWithout(t.db, { actor: principal, organizerId: s.org, unitIds: null, ...period })).toEqual({
			repairs: 2,
			daysWithout: 10
		});
		expect(await countDaysWithout(t.db, { actor: s.central, organizerId: s.org, unitIds: [s.elsewhere.id], ...period })).toEqual({
			repairs: 1,
			daysWithout: 91
		});
		// The other organizer counts its own one repair, 61 days.
		expect(await countDaysWithout(t.db, { actor: other.central, organizerId: other.org, unitIds: null, ...period })).toEqual({
			repairs: 1,
			daysWithout: 61
		});
	});
});
