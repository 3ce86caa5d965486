// Covers: sumDeviceYears, sumRepairCosts — the stored sums (device_use_sums, device_repair_sums, decision 073), kept by
// the triggers of migration 0062 — against a fresh computation from devices and device_repairs after every kind of
// write, and findModelCosts reading them.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildUnit } from '../../../../tests/factories';
import { rowsOf } from '../db/rows';
import { deviceModels, deviceRepairs, devices } from '../db/schema';
import { createDeviceModel } from './create-device-model';
import { registerDevice } from './register-device';
import { sendDeviceToRepair } from './send-device-to-repair';
import { returnDeviceFromRepair } from './return-device-from-repair';
import { updateDeviceDetails } from './update-device-details';
import { findModelCosts } from './find-model-costs';
import { handOutDevice } from './hand-out-device';
import { changeDeviceStatus } from './change-device-status';
import { sumDeviceYears } from './sum-device-years';
import { sumRepairCosts } from './sum-repair-costs';

const t = useTestDatabase();
const YEAR_MS = 365.25 * 86_400_000;

type Sum = { model_id: string; unit_id: string; life_year: number; cost: number; repairs: number };
const key = (r: Sum) => `${r.model_id} ${r.unit_id} ${r.life_year}`;
const byKey = (rows: Sum[]): Record<string, [number, number]> =>
	Object.fromEntries(
		rows.map((r): [string, [number, number]] => [key(r), [Number(r.cost), Number(r.repairs)]]).sort(([a], [b]) => a.localeCompare(b))
	);

/** The stored sums of the organizer (rows whose repairs all moved away, at zero, left out). */
async function stored(org: string) {
	return byKey(
		rowsOf<Sum>(
			await t.db.execute(sql`SELECT model_id, unit_id, life_year, cost, repairs FROM device_repair_sums
				WHERE organizer_id = ${org} AND repairs <> 0`)
		)
	);
}

/** The sums computed afresh, as findModelCosts did before decision 073: every returned repair joined to its device. */
async function fresh(org: string) {
	return byKey(
		rowsOf<Sum>(
			await t.db.execute(sql`SELECT model_id, unit_id, life_year, sum(cost) AS cost, count(*) AS repairs FROM (
				SELECT d.model_id, d.unit_id, r.cost,
					floor(extract(epoch FROM (r.sent_at - coalesce(d.purchase_date::timestamp AT TIME ZONE 'UTC', d.created_at))) * 1000 / ${YEAR_MS})::int + 1 AS life_year
				FROM device_repairs r JOIN devices d ON d.id = r.device_id
				WHERE r.organizer_id = ${org} AND d.organizer_id = ${org} AND r.returned_at IS NOT NULL AND r.cost IS NOT NULL
			) s GROUP BY 1, 2, 3`)
		)
	);
}

/** Devices and their years of use per model, summed afresh over every device (findModelCosts before decision 073). */
async function freshYears(org: string, unitIds: string[], now: Date) {
	const rows = rowsOf<{ model_id: string; devices: number; seconds: number }>(
		await t.db.execute(sql`SELECT d.model_id, count(*)::int AS devices,
			coalesce(sum(greatest(0, extract(epoch FROM (
				CASE WHEN d.status IN ('lost', 'stolen', 'scrapped') THEN d.updated_at ELSE ${now.toISOString()}::timestamptz END
				- coalesce(d.purchase_date::timestamp AT TIME ZONE 'UTC', d.created_at))))), 0)::float8 AS seconds
			FROM devices d WHERE d.organizer_id = ${org} AND d.unit_id IN (SELECT unnest(${`{${unitIds.join(',')}}`}::uuid[]))
			GROUP BY d.model_id ORDER BY 1`)
	);
	return rows.map((r) => ({ modelId: r.model_id, devices: Number(r.devices), seconds: Number(r.seconds) }));
}

describe('stored device and repair sums', () => {
	it('equal a fresh computation after each kind of write, and the cost report reads them', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const school = await buildUnit(t.db, { organizerId: org });
		const other = await buildUnit(t.db, { organizerId: org });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: org, unitId: null }]);
		const model = (name: string) =>
			createDeviceModel(t.db, {
				actor: central,
				organizerId: org,
				input: { maker: 'Summa', model: name, type: 'elevdator', purchasePrice: '4000', expectedLifeMonths: '48' }
			});
		const [m1, m2] = [await model('S1'), await model('S2')];
		const register = (tag: string, purchaseDate?: string) =>
			registerDevice(t.db, {
				actor: central,
				organizerId: org,
				input: { assetTag: `${tag}-${org}`, modelId: m1.id, unitId: school.id, purchaseDate }
			});
		const student = await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org, unitId: school.id }] });
		const nows = [new Date(), new Date('2024-06-01T08:00:00Z'), new Date('2031-01-01T00:00:00Z')];
		const byModel = <T extends { modelId: string }>(rows: T[]) => [...rows].sort((x, y) => x.modelId.localeCompare(y.modelId));
		const check = async (what: string) => {
			expect(await stored(org), what).toEqual(await fresh(org));
			for (const unitIds of [[school.id, other.id], [other.id]]) {
				for (const now of nows)
					expect(byModel(await sumDeviceYears(t.db, { organizerId: org, unitIds, now })), `${what}: years at ${now.toISOString()}`).toEqual(
						await freshYears(org, unitIds, now)
					);
				const repairs = await sumRepairCosts(t.db, { organizerId: org, unitIds });
				const expected: Record<string, number[]> = {};
				for (const [k, [cost, count]] of Object.entries(await fresh(org))) {
					const [modelId, unitId, lifeYear] = k.split(' ');
					if (!unitIds.includes(unitId)) continue;
					const e = (expected[`${modelId} ${lifeYear}`] ??= [0, 0]);
					e[0] += cost;
					e[1] += count;
				}
				expect(Object.fromEntries(repairs.map((r) => [`${r.modelId} ${r.lifeYear}`, [r.cost, r.count]])), `${what}: repairs`).toEqual(
					expected
				);
			}
		};

		// Registration: no repairs, nothing stored.
		const a = await register('A', '2024-01-01');
		const b = await register('B'); // No purchase date: its years run from its registration.
		expect(await stored(org)).toEqual({});
		await check('registered');

		// Handed out (nothing counted changes), and a device registered with its purchase still ahead.
		await handOutDevice(t.db, { actor: central, organizerId: org, input: { person: student.email, tag: b.assetTag } });
		await check('handed out');
		const c = await register('C', '2030-08-01');
		await check('registered ahead');

		// Sent and returned through the app: the open repair counts nothing, the returned one its cost.
		await sendDeviceToRepair(t.db, { actor: central, organizerId: org, deviceId: a.id, input: {} });
		expect(await stored(org)).toEqual({});
		await returnDeviceFromRepair(t.db, { actor: central, organizerId: org, deviceId: a.id, input: { cost: '700', parts: 'Skärm' } });
		await check('returned from repair');
		expect(Object.values(await stored(org))).toEqual([[700, 1]]);
		await sendDeviceToRepair(t.db, { actor: central, organizerId: org, deviceId: b.id, input: {} });
		await returnDeviceFromRepair(t.db, { actor: central, organizerId: org, deviceId: b.id, input: { cost: '0' } });
		await check('returned under warranty');

		// Many repairs inserted in one statement (as an import or the demo does), across years of life, and an open one.
		const inserted = await t.db
			.insert(deviceRepairs)
			.values([
				{
					organizerId: org,
					deviceId: a.id,
					sentAt: new Date('2024-03-01T10:00:00Z'),
					returnedAt: new Date('2024-03-05T10:00:00Z'),
					cost: 400
				},
				{
					organizerId: org,
					deviceId: a.id,
					sentAt: new Date('2024-12-31T23:00:00Z'),
					returnedAt: new Date('2025-01-05T10:00:00Z'),
					cost: 250
				},
				{
					organizerId: org,
					deviceId: a.id,
					sentAt: new Date('2025-02-01T10:00:00Z'),
					returnedAt: new Date('2025-02-05T10:00:00Z'),
					cost: 1100
				},
				{
					organizerId: org,
					deviceId: a.id,
					sentAt: new Date('2025-06-01T10:00:00Z'),
					returnedAt: new Date('2025-06-05T10:00:00Z'),
					cost: null
				},
				{ organizerId: org, deviceId: b.id, sentAt: new Date(Date.now() - 86_400_000), returnedAt: new Date(), cost: 300 }
			])
			.returning({ id: deviceRepairs.id });
		await check('inserted in bulk');

		// A repair's cost corrected, one's time moved into another year, one without a cost given one, one removed.
		await t.db.update(deviceRepairs).set({ cost: 450 }).where(eq(deviceRepairs.id, inserted[0].id));
		await check('cost changed');
		await t.db
			.update(deviceRepairs)
			.set({ sentAt: new Date('2026-02-01T10:00:00Z') })
			.where(eq(deviceRepairs.id, inserted[1].id));
		await check('sent time changed');
		await t.db.update(deviceRepairs).set({ cost: 90 }).where(eq(deviceRepairs.id, inserted[3].id));
		await check('cost given');
		await t.db.update(deviceRepairs).set({ note: 'Bara en anteckning' }).where(eq(deviceRepairs.deviceId, a.id));
		await check('nothing counted changed');
		await t.db.delete(deviceRepairs).where(eq(deviceRepairs.id, inserted[2].id));
		await check('removed');

		// The device's register details: another unit, another model, another purchase date — its repairs move along.
		const [row] = await t.db.select().from(devices).where(eq(devices.id, a.id));
		const details = {
			assetTag: row.assetTag,
			serialNumber: row.serialNumber,
			modelId: row.modelId,
			unitId: row.unitId,
			purchaseDate: row.purchaseDate
		};
		await updateDeviceDetails(t.db, { actor: central, organizerId: org, deviceId: a.id, values: { ...details, unitId: other.id } });
		await check('moved to another unit');
		await updateDeviceDetails(t.db, {
			actor: central,
			organizerId: org,
			deviceId: a.id,
			values: { ...details, unitId: other.id, modelId: m2.id }
		});
		await check('changed model');
		await updateDeviceDetails(t.db, {
			actor: central,
			organizerId: org,
			deviceId: a.id,
			values: { ...details, unitId: other.id, modelId: m2.id, purchaseDate: '2023-06-01' }
		});
		await check('purchase date changed');
		await t.db.update(devices).set({ purchaseDate: null }).where(eq(devices.id, a.id));
		await check('purchase date removed');
		await changeDeviceStatus(t.db, {
			actor: central,
			organizerId: org,
			deviceId: c.id,
			input: { status: 'lost', note: 'Borta', occurredOn: '2026-01-10' }
		});
		await check('reported lost');
		await t.db.update(devices).set({ status: 'scrapped', updatedAt: new Date() }).where(eq(devices.id, a.id));
		await check('scrapped');
		await t.db
			.update(devices)
			.set({ updatedAt: new Date('2026-01-01T00:00:00Z') })
			.where(eq(devices.id, a.id));
		await check('left use at another time');
		await t.db.update(devices).set({ status: 'in_stock', updatedAt: new Date() }).where(eq(devices.id, a.id));
		await check('back in use');
		expect(Object.keys(await stored(org)).length).toBeGreaterThan(2);

		// The report adds up the stored rows: the same totals as the fresh ones, per model.
		const totals = (rows: Record<string, number[]>, modelId: string) =>
			Object.entries(rows)
				.filter(([k]) => k.startsWith(modelId))
				.reduce((n, [, [, count]]) => n + count, 0);
		const now = new Date();
		const costs = await findModelCosts(t.db, { actor: central, organizerId: org, now });
		const expected = await fresh(org);
		for (const m of [m1, m2]) expect(costs.find((c) => c.id === m.id)!.repairs).toBe(totals(expected, m.id));
		expect(costs.find((c) => c.id === m2.id)!.repairs).toBeGreaterThan(0);

		// A model removed takes its (empty) rows with it.
		const m3 = await model('S3');
		await t.db.update(devices).set({ modelId: m3.id }).where(eq(devices.id, b.id));
		await t.db.update(devices).set({ modelId: m1.id }).where(eq(devices.id, b.id));
		await check('model changed and back');
		await t.db.delete(deviceModels).where(eq(deviceModels.id, m3.id));
		await check('empty model removed');
	});
});
