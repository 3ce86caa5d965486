import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels } from '../db/schema';
import { rowsOf } from '../db/rows';
import { readTogether } from '../db/read-together';
import { authorize, can, type Actor } from '../policies';
import { daysWithoutDevice } from './device-rules';
import { loadDeviceScope } from './device-scope';
import { modelCostPerStudentYear, type ModelHistory } from './device-costs';

const YEAR_MS = 365.25 * 86_400_000;
/** Statuses after which a device is no longer in use: its years end when it got there. */
const OUT_OF_USE = ['lost', 'stolen', 'scrapped'];

/**
 * Cost per student-year of each model (devices.view), from the devices at the units the reader sees: their years of
 * use, the recorded costs of the repairs that came back, the days students went without, and the loss and theft
 * reports — put through modelCostPerStudentYear. Models without enough history have `cost` null.
 */
export async function findModelCosts(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, resource } = await loadDeviceScope(db, opts.organizerId);
	const unitIds = tree.filter((u) => can(actor, 'devices.view', resource(u.id))).map((u) => u.id);
	return modelCostsAt(db, { organizerId: opts.organizerId, unitIds, now: opts.now ?? new Date() });
}

/**
 * The organizer-wide cost per student-year of each model, without asking who reads: for callers that show these
 * aggregate figures under their own rule (the board report, followup.report — decision 062). Anything else calls
 * findModelCosts.
 */
export async function computeOrganizerModelCosts(db: Db, opts: { organizerId: string; now?: Date }) {
	const { tree } = await loadDeviceScope(db, opts.organizerId);
	return modelCostsAt(db, { organizerId: opts.organizerId, unitIds: tree.map((u) => u.id), now: opts.now ?? new Date() });
}

/** The figures of findModelCosts from the devices at the given units. */
async function modelCostsAt(db: Db, opts: { organizerId: string; unitIds: string[]; now: Date }) {
	const { unitIds, now } = opts;
	const models = await db.select().from(deviceModels).where(eq(deviceModels.organizerId, opts.organizerId));
	const history = new Map<string, ModelHistory & { devices: number }>(
		models.map((m) => [m.id, { ...m, deviceYears: 0, repairs: [], losses: 0, daysWithout: 0, devices: 0 }])
	);
	if (unitIds.length) {
		// Summed per model in the database (decision 064): 200 000 devices are not carried to Node to be added up there.
		const at = sql`d.organizer_id = ${opts.organizerId} AND d.unit_id IN (SELECT unnest(${`{${unitIds.join(',')}}`}::uuid[]))`;
		// A device's years start at its purchase (midnight UTC, as a date) or its registration.
		const start = sql`coalesce(d.purchase_date::timestamp AT TIME ZONE 'UTC', d.created_at)`;
		const end = sql`CASE WHEN d.status IN (${sql.join(
			OUT_OF_USE.map((st) => sql`${st}`),
			sql`, `
		)}) THEN d.updated_at ELSE ${now.toISOString()}::timestamptz END`;
		const [years, repairs, away, losses] = await readTogether(db, [
			() =>
				db.execute(sql`SELECT d.model_id, count(*)::int AS devices,
					coalesce(sum(greatest(0, extract(epoch FROM (${end} - ${start})))), 0)::float8 AS seconds
				FROM devices d WHERE ${at} GROUP BY d.model_id`),
			() =>
				// The year of life is computed in a subquery kept apart (OFFSET 0): grouped on the expression itself,
				// PostgreSQL guesses one group per repair and sorts all of them on disk (1.3 s of 1.7 s for 500 000
				// repairs, bench:devices); on the subquery's column it hashes the few groups there are (decision 072).
				db.execute(sql`SELECT model_id, life_year, sum(cost)::float8 AS cost, count(*)::int AS n
				FROM (
					SELECT d.model_id, floor(extract(epoch FROM (r.sent_at - ${start})) * 1000 / ${YEAR_MS})::int + 1 AS life_year, r.cost
					FROM device_repairs r JOIN devices d ON d.id = r.device_id
					WHERE r.organizer_id = ${opts.organizerId} AND ${at} AND r.returned_at IS NOT NULL AND r.cost IS NOT NULL
					OFFSET 0
				) s
				GROUP BY 1, 2 ORDER BY 1, 2`),
			// The days without go through the devices module's own rule (daysWithoutDevice): only repairs of held devices can count.
			() =>
				db.execute(sql`SELECT d.model_id, r.holder_id, r.loaner_device_id, r.sent_at, r.returned_at
				FROM device_repairs r JOIN devices d ON d.id = r.device_id
				WHERE r.organizer_id = ${opts.organizerId} AND ${at} AND r.holder_id IS NOT NULL`),
			() =>
				db.execute(sql`SELECT d.model_id, count(*)::int AS n FROM device_events e JOIN devices d ON d.id = e.device_id
				WHERE e.organizer_id = ${opts.organizerId} AND e.kind = 'status_changed' AND e.to_status IN ('lost', 'stolen') AND ${at}
				GROUP BY 1`)
		]);
		for (const r of rowsOf<{ model_id: string; devices: number; seconds: number }>(years)) {
			const h = history.get(r.model_id)!;
			h.devices = Number(r.devices);
			h.deviceYears = (Number(r.seconds) * 1000) / YEAR_MS;
		}
		for (const r of rowsOf<{ model_id: string; life_year: number; cost: number; n: number }>(repairs))
			history.get(r.model_id)!.repairs.push({ cost: Number(r.cost), lifeYear: Number(r.life_year), count: Number(r.n) });
		type Away = {
			model_id: string;
			holder_id: string;
			loaner_device_id: string | null;
			sent_at: string | Date;
			returned_at: string | Date | null;
		};
		for (const r of rowsOf<Away>(away)) {
			const days = daysWithoutDevice(
				{
					holderId: r.holder_id,
					loanerDeviceId: r.loaner_device_id,
					sentAt: new Date(r.sent_at),
					returnedAt: r.returned_at === null ? null : new Date(r.returned_at)
				},
				now
			);
			history.get(r.model_id)!.daysWithout += days ?? 0;
		}
		for (const r of rowsOf<{ model_id: string; n: number }>(losses)) history.get(r.model_id)!.losses += Number(r.n);
	}
	return models
		.map((m) => {
			const h = history.get(m.id)!;
			return {
				id: m.id,
				name: `${m.maker} ${m.model}`,
				purchasePrice: m.purchasePrice,
				leasePerMonth: m.leasePerMonth,
				expectedLifeMonths: m.expectedLifeMonths,
				devices: h.devices,
				deviceYears: Math.round(h.deviceYears * 10) / 10,
				repairs: h.repairs.reduce((n, r) => n + (r.count ?? 1), 0),
				losses: h.losses,
				cost: modelCostPerStudentYear(h)
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
