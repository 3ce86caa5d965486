import { randomUUID } from 'node:crypto';
import type { Db } from '../db';
import {
	deviceBookingItems,
	deviceBookings,
	deviceEvents,
	deviceModels,
	devicePools,
	deviceRepairs,
	devices,
	memberships,
	people
} from '../db/schema';
import { depreciatedValue } from '../devices/device-rules';
import type { DemoOrganizer, DemoPersonRef } from './build-demo-organizer';
import { planDemoPool } from './build-demo-pool';
import { planDemoFleet } from './plan-demo-fleet';

export type DemoDevicesCounts = {
	models: number;
	devices: number;
	handedOut: number;
	inRepair: number;
	stolen: number;
	repairs: number;
	pupils: number;
};

/** The two schools with devices: the sign-in school (staff only) and a högstadieskola with students. */
const SCHOOLS = ['solbacka', 'kvarnbacka'] as const;
/** Devices at each school. */
const PER_SCHOOL = 40;
/** Handed out at each school, to its students first, then its staff. */
const HANDED_OUT_PER_SCHOOL = 20;

const MODELS = [
	// The cheap one: a low price and a short life.
	{
		maker: 'Kvistbok',
		model: 'Lärling 11',
		type: 'elevdator',
		purchasePrice: 2990,
		leasePerMonth: null,
		expectedLifeMonths: 36,
		warrantyMonths: 12
	},
	{
		maker: 'Nordtangent',
		model: 'Skolbok 14',
		type: 'elevdator',
		purchasePrice: 7490,
		leasePerMonth: null,
		expectedLifeMonths: 48,
		warrantyMonths: 36
	},
	{
		maker: 'Nordtangent',
		model: 'Lärarbok 14',
		type: 'lärardator',
		purchasePrice: null,
		leasePerMonth: 389,
		expectedLifeMonths: 36,
		warrantyMonths: 36
	},
	// The upper secondary school's own choice, and the younger years' tablets (plan-demo-fleet.ts).
	{
		maker: 'Fjällstad',
		model: 'Elevbok 13',
		type: 'elevdator',
		purchasePrice: 5490,
		leasePerMonth: null,
		expectedLifeMonths: 48,
		warrantyMonths: 24
	},
	{
		maker: 'Solfjäder',
		model: 'Platta 10',
		type: 'lärplatta',
		purchasePrice: 3490,
		leasePerMonth: null,
		expectedLifeMonths: 48,
		warrantyMonths: 24
	}
] as const;

/** Rows a statement: about ten columns each, well under the 65 535 parameters one statement may carry. */
const BATCH = 1000;

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);

/**
 * The device register of Exempelkommun (issue 17, decisions 049 and 069): first a hand-made part — three of the five
 * models (one cheap), 40 devices at each
 * of two schools with fixed tags EX-00001 … and serial numbers, half of each school's handed out at the school start
 * in August 2025 (students first, then staff), two back in repair after a damaged return with a fee proposal, one
 * stolen; a loaner pool with three bookings (build-demo-pool.ts). Deterministic: no random source, fixed dates (the
 * pool's bookings lie around the day the demo is built). Inserted directly with its history, without audit, as the
 * rest of the demo. Then the large part (plan-demo-fleet.ts): about 6 000 devices in all, with invented pupils, two
 * school starts, repairs per model and the previous generation written off.
 */
export async function buildDemoDevices(tx: Db, demo: DemoOrganizer): Promise<DemoDevicesCounts> {
	const schools = SCHOOLS.filter((k) => demo.units[k]);
	if (schools.length === 0) return { models: 0, devices: 0, handedOut: 0, inRepair: 0, stolen: 0, repairs: 0, pupils: 0 };
	const models = MODELS.map((m) => ({ id: randomUUID(), organizerId: demo.organizerId, ...m }));
	await tx.insert(deviceModels).values(models);

	const deviceRows: (typeof devices.$inferInsert)[] = [];
	const eventRows: (typeof deviceEvents.$inferInsert)[] = [];
	let n = 0;
	for (const key of schools) {
		const unitId = demo.units[key];
		const holders: DemoPersonRef[] = [
			...demo.people.student.filter((p) => p.unitKey === key),
			...demo.people.staff.filter((p) => p.unitKey === key)
		].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
		for (let i = 0; i < PER_SCHOOL; i++) {
			n++;
			// Staff holders get the teacher model, the rest a student model; every fourth of those is the cheap one.
			const holder = i < HANDED_OUT_PER_SCHOOL ? holders[i % Math.max(holders.length, 1)] : undefined;
			const staffHolder = !!holder && !demo.people.student.some((p) => p.id === holder.id);
			const model = staffHolder ? models[2] : i % 4 === 0 ? models[0] : models[1];
			const purchaseDate = n % 3 === 0 ? '2024-07-15' : '2025-07-15';
			const id = randomUUID();
			const tag = `EX-${String(n).padStart(5, '0')}`;
			let status = 'in_stock';
			let holderId: string | null = null;
			eventRows.push({
				organizerId: demo.organizerId,
				deviceId: id,
				kind: 'registered',
				toStatus: 'in_stock',
				createdAt: at(purchaseDate, 8)
			});
			if (holder) {
				status = 'handed_out';
				holderId = holder.id;
				eventRows.push({
					organizerId: demo.organizerId,
					deviceId: id,
					kind: 'handed_out',
					personId: holder.id,
					fromStatus: 'in_stock',
					toStatus: 'handed_out',
					createdAt: at('2025-08-18', 9)
				});
			} else if (key === schools[0] && i >= PER_SCHOOL - 2) {
				// The first school's last two devices came back damaged in November and went to repair.
				const fee = depreciatedValue({ ...model, purchaseDate, on: '2025-11-03' });
				eventRows.push(
					{
						organizerId: demo.organizerId,
						deviceId: id,
						kind: 'handed_out',
						personId: holders[i % Math.max(holders.length, 1)]?.id ?? null,
						fromStatus: 'in_stock',
						toStatus: 'handed_out',
						createdAt: at('2025-08-18', 10)
					},
					{
						organizerId: demo.organizerId,
						deviceId: id,
						kind: 'returned',
						personId: holders[i % Math.max(holders.length, 1)]?.id ?? null,
						fromStatus: 'handed_out',
						toStatus: 'in_repair',
						condition: 'damaged',
						feeProposal: fee,
						note: '',
						createdAt: at('2025-11-03', 13)
					}
				);
				status = 'in_repair';
			} else if (key === schools[0] && i === PER_SCHOOL - 3) {
				eventRows.push({
					organizerId: demo.organizerId,
					deviceId: id,
					kind: 'status_changed',
					fromStatus: 'in_stock',
					toStatus: 'stolen',
					note: 'Inbrott i förrådet under helgen.',
					occurredOn: '2025-10-04',
					policeReport: '5000-K204711-25',
					createdAt: at('2025-10-06', 7)
				});
				status = 'stolen';
			}
			deviceRows.push({
				id,
				organizerId: demo.organizerId,
				modelId: model.id,
				unitId,
				assetTag: tag,
				serialNumber: `SN${String(70_000 + n * 37).padStart(8, '0')}`,
				status,
				purchaseDate,
				holderId
			});
		}
	}
	// A loaner pool with bookings at the school with students (decision 056).
	const pool = planDemoPool(demo, schools[schools.length - 1], deviceRows, eventRows);
	if (pool) await tx.insert(devicePools).values(pool.pool);
	// The large register beside the hand-made one: tags go on after it (decision 069).
	const fleet = planDemoFleet(demo, {
		models: { cheap: models[0], dear: models[1], teacher: models[2], upper: models[3], tablet: models[4] },
		firstTag: n + 1,
		heldBy: new Set(deviceRows.flatMap((d) => (d.holderId ? [d.holderId] : [])))
	});
	const inBatches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
		for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
	};
	await inBatches(fleet.pupils, (b) => tx.insert(people).values(b));
	await inBatches(fleet.pupils, (b) => tx.insert(memberships).values(b.map((p) => ({ organizerId: demo.organizerId, personId: p.id! }))));
	deviceRows.push(...fleet.devices);
	eventRows.push(...fleet.events);
	await inBatches(deviceRows, (b) => tx.insert(devices).values(b));
	await inBatches(eventRows, (b) => tx.insert(deviceEvents).values(b));
	await inBatches(fleet.repairs, (b) => tx.insert(deviceRepairs).values(b));
	if (pool) {
		await tx.insert(deviceBookings).values(pool.bookings);
		await tx.insert(deviceBookingItems).values(pool.items);
	}
	return {
		models: models.length,
		devices: deviceRows.length,
		handedOut: deviceRows.filter((d) => d.status === 'handed_out').length,
		inRepair: deviceRows.filter((d) => d.status === 'in_repair').length,
		stolen: deviceRows.filter((d) => d.status === 'stolen').length,
		repairs: fleet.repairs.length,
		pupils: fleet.pupils.length
	};
}
