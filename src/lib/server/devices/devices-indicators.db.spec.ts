// Covers: devicesSeries, measureDeviceUse and the three devices_* kinds in computeIndicators (decision 069).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { deviceRepairs, planningChainSteps, planningEffectChains, planningIndicators, unitSizes } from '../db/schema';
import { computeIndicators } from '../planning/effects/compute-indicators';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { devicesSeries } from './devices-series';
import { measureDeviceUse } from './measure-device-use';
import { findModelCosts } from './find-model-costs';

const t = useTestDatabase();

describe('devices as planning indicators', () => {
	it('computes devices per student, days without a device and repair cost per student-year for an area, year by year', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const area = await buildUnit(t.db, { organizerId: org, kind: 'rektorsomrade' });
		const school = await buildUnit(t.db, { organizerId: org, parentId: area.id });
		const unsized = await buildUnit(t.db, { organizerId: org, parentId: area.id });
		const elsewhere = await buildUnit(t.db, { organizerId: org });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
		const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
		const model = await createDeviceModel(t.db, {
			actor: central,
			organizerId: org,
			input: { maker: 'Indikator', model: 'I1', type: 'elevdator', purchasePrice: '4000', expectedLifeMonths: '48' }
		});
		const reg = (tag: string, unitId: string) =>
			registerDevice(t.db, {
				actor: central,
				organizerId: org,
				input: { assetTag: `${tag}-${org}`, modelId: model.id, unitId, purchaseDate: '2024-01-01' }
			});
		const a = await reg('A', school.id);
		const b = await reg('B', school.id);
		await reg('C', unsized.id);
		const far = await reg('D', elsewhere.id);
		const now = new Date('2025-12-31T12:00:00Z');
		const today = '2025-12-31';
		await t.db
			.insert(unitSizes)
			.values({ organizerId: org, unitId: school.id, schoolYear: '2025/26', students: 4, staff: 1, source: 'manual' });
		await t.db.insert(deviceRepairs).values([
			// This school year, no loaner: 10 days without, 900 kr.
			{
				organizerId: org,
				deviceId: a.id,
				holderId: student.id,
				sentAt: new Date('2025-09-01T08:00:00Z'),
				returnedAt: new Date('2025-09-11T08:00:00Z'),
				cost: 900
			},
			// This school year with a loaner: no days without, 300 kr.
			{
				organizerId: org,
				deviceId: b.id,
				holderId: student.id,
				loanerDeviceId: a.id,
				sentAt: new Date('2025-10-01T08:00:00Z'),
				returnedAt: new Date('2025-10-05T08:00:00Z'),
				cost: 300
			},
			// The year before: 600 kr.
			{
				organizerId: org,
				deviceId: a.id,
				holderId: student.id,
				sentAt: new Date('2025-03-01T08:00:00Z'),
				returnedAt: new Date('2025-03-04T08:00:00Z'),
				cost: 600
			},
			// Outside the area: never counted here.
			{
				organizerId: org,
				deviceId: far.id,
				holderId: student.id,
				sentAt: new Date('2025-09-01T08:00:00Z'),
				returnedAt: new Date('2025-12-01T08:00:00Z'),
				cost: 5000
			}
		]);

		const series = (kind: Parameters<typeof devicesSeries>[1]['kind']) =>
			devicesSeries(t.db, { organizerId: org, unitId: area.id, kind, today, now });
		// Two devices at the school with a size, four students; the unsized unit's device is not divided by anyone.
		const perStudent = await series('devices_per_student');
		expect(perStudent.map((p) => p.label)).toEqual(['2023/24', '2024/25', '2025/26']);
		expect(perStudent.map((p) => p.value)).toEqual([null, null, 0.5]);
		expect((await series('devices_days_without')).map((p) => p.value)).toEqual([0, 3, 10]);
		// 1 200 kr over the three area devices' years of use since 1 July (Stockholm), the same way findModelCosts counts.
		const yearsEach = (now.getTime() - Date.parse('2025-06-30T22:00:00Z')) / (365.25 * 86_400_000);
		const repairCost = await series('devices_repair_cost');
		expect(repairCost.at(-1)!.value).toBeCloseTo(1200 / (3 * yearsEach), 3);
		// The whole of 2024/25 (365 days) for three devices bought before it: 600 kr over about three device-years.
		expect(repairCost[1].value).toBeCloseTo(600 / ((3 * 365) / 365.25), 3);
		// The first year only half covered (bought 1 January): nothing repaired, so 0.
		expect(repairCost[0].value).toBe(0);

		// Over the whole history the same arithmetic gives the cost page's repairs per student-year.
		const use = await measureDeviceUse(t.db, { organizerId: org, unitIds: null, from: '2024-01-01', to: '2026-01-01', now });
		const [row] = (await findModelCosts(t.db, { actor: central, organizerId: org, now })).filter((c) => c.id === model.id);
		expect(use.inUse).toBe(row.devices);
		expect(use.deviceYears).toBeCloseTo(row.deviceYears, 1);
		expect(Math.round(use.repairCost / use.deviceYears)).toBe(row.cost!.repairsPerYear);

		// Wired into the planning indicators of a chain at the area.
		const [chain] = await t.db.insert(planningEffectChains).values({ organizerId: org, unitId: area.id, title: 'Enheter' }).returning();
		const [step] = await t.db
			.insert(planningChainSteps)
			.values({ organizerId: org, chainId: chain.id, kind: 'effect', text: 'Effekt' })
			.returning();
		await t.db.insert(planningIndicators).values({
			organizerId: org,
			stepId: step.id,
			name: 'Dagar utan',
			kind: 'devices_days_without',
			params: {},
			baselineValue: 20,
			baselineOn: '2025-06-30'
		});
		const [view] = await computeIndicators(t.db, { organizerId: org, unitId: area.id, stepIds: [step.id] });
		expect(view.format).toBe('count');
		expect(view.history).toHaveLength(3);
		expect(view.movement).not.toBe('too_little');
	});
});
