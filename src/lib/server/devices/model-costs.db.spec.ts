// Covers: findModelCosts.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { deviceEvents, deviceRepairs } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { findModelCosts } from './find-model-costs';

const t = useTestDatabase();

describe('cost per model', () => {
	it('counts device-years, returned repairs by year of life, days without and losses from the history', async () => {
		const organizer = await buildOrganizer(t.db);
		const org = organizer.id;
		const school = await buildUnit(t.db, { organizerId: org });
		const other = await buildUnit(t.db, { organizerId: org });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
		const principal = await buildActor(t.db, [{ role: 'principal', organizerId: org, unitId: other.id }]);
		const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
		const cheap = await createDeviceModel(t.db, {
			actor: central,
			organizerId: org,
			input: { maker: 'Billig', model: 'B1', type: 'elevdator', purchasePrice: '3000', expectedLifeMonths: '36' }
		});
		const idle = await createDeviceModel(t.db, {
			actor: central,
			organizerId: org,
			input: { maker: 'Oanvänd', model: 'O1', type: 'elevdator', leasePerMonth: '200', expectedLifeMonths: '36' }
		});
		const reg = (tag: string) =>
			registerDevice(t.db, {
				actor: central,
				organizerId: org,
				input: { assetTag: tag, modelId: cheap.id, unitId: school.id, purchaseDate: '2024-01-01' }
			});
		const [a, b] = [await reg(`C-${org}-1`), await reg(`C-${org}-2`)];
		const now = new Date('2025-12-31T12:00:00Z'); // Two years (730.5 days) after the purchase.
		await t.db.insert(deviceRepairs).values([
			// In its first year, without a loaner: 10 days without.
			{
				organizerId: org,
				deviceId: a.id,
				holderId: student.id,
				sentAt: new Date('2024-06-01T10:00:00Z'),
				returnedAt: new Date('2024-06-11T10:00:00Z'),
				cost: 900
			},
			// In its second year, with a loaner.
			{
				organizerId: org,
				deviceId: b.id,
				holderId: student.id,
				loanerDeviceId: a.id,
				sentAt: new Date('2025-03-01T10:00:00Z'),
				returnedAt: new Date('2025-03-20T10:00:00Z'),
				cost: 1500
			},
			// Still out: no cost yet.
			{ organizerId: org, deviceId: a.id, sentAt: new Date('2025-12-20T10:00:00Z') }
		]);
		await t.db
			.insert(deviceEvents)
			.values({ organizerId: org, deviceId: b.id, kind: 'status_changed', fromStatus: 'in_stock', toStatus: 'stolen' });
		const costs = await findModelCosts(t.db, { actor: central, organizerId: org, now });
		const row = costs.find((c) => c.id === cheap.id)!;
		expect([row.devices, row.deviceYears, row.repairs, row.losses]).toEqual([2, 4, 2, 1]);
		expect(row.cost).toMatchObject({
			capitalPerYear: 1000,
			repairsPerYear: 600,
			lossesPerYear: 750,
			perStudentYear: 2350,
			daysWithoutPerYear: 2.5,
			repairsByLifeYear: [
				{ cost: 900, count: 1 },
				{ cost: 1500, count: 1 }
			]
		});
		expect(costs.find((c) => c.id === idle.id)).toMatchObject({ devices: 0, cost: null });
		// A principal elsewhere sees the models but none of these devices.
		expect((await findModelCosts(t.db, { actor: principal, organizerId: org, now })).find((c) => c.id === cheap.id)).toMatchObject({
			devices: 0,
			cost: null
		});
	});
});
