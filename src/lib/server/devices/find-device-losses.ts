import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceModels, devices, units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { loadDeviceScope, visibleDeviceUnits } from './device-scope';
import { readTogether } from '../db/read-together';

/** How far back the register's loss figures reach. */
export const LOSS_WINDOW_DAYS = 365;

export type LossCount = { id: string; name: string; lost: number; stolen: number };

/**
 * Devices reported lost or stolen in the last year at the units the actor may see (devices.view), counted per unit
 * and per model, most losses first. A device reported twice (lost, found, lost again) counts twice: each report is
 * a loss the school had.
 */
export async function findDeviceLosses(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const scope = await loadDeviceScope(db, opts.organizerId);
	const visibleIds = visibleDeviceUnits(scope, actor, null).unitIds;
	if (visibleIds.length === 0) return { byUnit: [], byModel: [], days: LOSS_WINDOW_DAYS };
	const since = new Date((opts.now ?? new Date()).getTime() - LOSS_WINDOW_DAYS * 86_400_000);
	const where = and(
		eq(deviceEvents.organizerId, opts.organizerId),
		eq(deviceEvents.kind, 'status_changed'),
		inArray(deviceEvents.toStatus, ['lost', 'stolen']),
		gte(deviceEvents.createdAt, since),
		inArray(devices.unitId, visibleIds)
	);
	const lost = sql<number>`count(*) filter (where ${deviceEvents.toStatus} = 'lost')`.mapWith(Number);
	const stolen = sql<number>`count(*) filter (where ${deviceEvents.toStatus} = 'stolen')`.mapWith(Number);
	// The two groupings read side by side (decision 075): each joins the year's reports to the devices.
	const [byUnit, byModel] = await readTogether(db, [
		() =>
			db
				.select({ id: units.id, name: units.name, lost, stolen, n: count() })
				.from(deviceEvents)
				.innerJoin(devices, eq(devices.id, deviceEvents.deviceId))
				.innerJoin(units, eq(units.id, devices.unitId))
				.where(where)
				.groupBy(units.id, units.name),
		() =>
			db
				.select({
					id: deviceModels.id,
					name: sql<string>`${deviceModels.maker} || ' ' || ${deviceModels.model}`,
					lost,
					stolen,
					n: count()
				})
				.from(deviceEvents)
				.innerJoin(devices, eq(devices.id, deviceEvents.deviceId))
				.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
				.where(where)
				.groupBy(deviceModels.id, deviceModels.maker, deviceModels.model)
	]);
	const order = (rows: (LossCount & { n: number })[]): LossCount[] =>
		rows.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'sv')).map(({ n: _n, ...r }) => r);
	return { byUnit: order(byUnit), byModel: order(byModel), days: LOSS_WINDOW_DAYS };
}
