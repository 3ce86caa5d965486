import { and, count, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, devices } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { loadDeviceScope, visibleDeviceUnits } from './device-scope';
import { LOSS_WINDOW_DAYS } from './find-device-losses';

/**
 * How many loss and theft reports the last year had at the units the actor may see (devices.view), limited to
 * `unitIds` when given: findDeviceLosses's per-unit counts summed, for the follow-up picture (2.1). A reader of every
 * unit is counted from the reports alone (the partial loss index), with no join to the devices: joined, PostgreSQL
 * hashed the whole register for a year's reports.
 */
export async function countDeviceLosses(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; unitIds: string[] | null; now?: Date }
): Promise<number> {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const { unitIds, whole } = visibleDeviceUnits(await loadDeviceScope(db, opts.organizerId), opts.actor, opts.unitIds);
	if (unitIds.length === 0) return 0;
	const since = new Date((opts.now ?? new Date()).getTime() - LOSS_WINDOW_DAYS * 86_400_000);
	const reports = and(
		eq(deviceEvents.organizerId, opts.organizerId),
		eq(deviceEvents.kind, 'status_changed'),
		inArray(deviceEvents.toStatus, ['lost', 'stolen']),
		gte(deviceEvents.createdAt, since)
	);
	const [row] = whole
		? await db.select({ n: count() }).from(deviceEvents).where(reports)
		: await db
				.select({ n: count() })
				.from(deviceEvents)
				.innerJoin(devices, eq(devices.id, deviceEvents.deviceId))
				.where(and(reports, inArray(devices.unitId, unitIds)));
	return Number(row?.n ?? 0);
}
