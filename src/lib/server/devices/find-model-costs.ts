import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels } from '../db/schema';
import { rowsOf } from '../db/rows';
import { readTogether } from '../db/read-together';
import { authorize, type Actor } from '../policies';
import { daysWithoutDevice } from './device-rules';
import { loadDeviceScope, visibleDeviceUnits } from './device-scope';
import { modelCostPerStudentYear, type ModelHistory } from './device-costs';
import { sumDeviceYears } from './sum-device-years';
import { sumRepairCosts } from './sum-repair-costs';

const YEAR_MS = 365.25 * 86_400_000;

/**
 * Cost per student-year of each model (devices.view), from the devices at the units the reader sees: their years of
 * use, the recorded costs of the repairs that came back, the days students went without, and the loss and theft
 * reports — put through modelCostPerStudentYear. Models without enough history have `cost` null.
 */
export async function findModelCosts(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const scope = await loadDeviceScope(db, opts.organizerId);
	const unitIds = visibleDeviceUnits(scope, actor, null).unitIds;
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
		// Summed per model in the database (decision 064), the years and the repair costs from sums stored by triggers
		// (decision 073): 200 000 devices and their repairs are neither carried to Node nor read on each request.
		const at = sql`d.organizer_id = ${opts.organizerId} AND d.unit_id IN (SELECT unnest(${`{${unitIds.join(',')}}`}::uuid[]))`;
		const [years, repairs, away, losses] = await readTogether(db, [
			() => sumDeviceYears(db, { organizerId: opts.organizerId, unitIds, now }),
			() => sumRepairCosts(db, { organizerId: opts.organizerId, unitIds }),
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
		for (const r of years) {
			const h = history.get(r.modelId)!;
			h.devices = r.devices;
			h.deviceYears = (r.seconds * 1000) / YEAR_MS;
		}
		for (const r of repairs) history.get(r.modelId)!.repairs.push({ cost: r.cost, lifeYear: r.lifeYear, count: r.count });
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
