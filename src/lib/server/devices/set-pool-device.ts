import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { invalid } from '../errors';
import { authorize, type Actor } from '../policies';
import { loadPool } from './load-pool';
import { lockDeviceByTag } from './lock-device-by-tag';

/**
 * Puts the device with this tag in the pool, or takes it out (devices.pools on the pool, devices.manage at the
 * device's unit). A unit's pool takes only devices at that unit or below it. A device with a booking not yet returned
 * stays in its pool until the booking is over. Audited device.pool_add / device.pool_remove.
 */
export async function setPoolDevice(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; poolId: string; tag: string; inPool: boolean }
) {
	authorize(opts.actor, 'devices.pools', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const tag = opts.tag.trim();
	if (!tag) throw invalid('tag', 'devices_error_tag');
	return db.transaction(async (tx) => {
		const { pool, scope, resource } = await loadPool(tx, { ...opts, forUpdate: true });
		authorize(actor, 'devices.pools', resource);
		const device = await lockDeviceByTag(tx, { actor, organizerId: opts.organizerId, tag, scope });
		if (opts.inPool) {
			if (pool.unitId && device.unitId !== pool.unitId && !scope.resource(device.unitId).ancestorIds.includes(pool.unitId))
				throw invalid('tag', 'devices_pool_error_other_unit');
			if (device.poolId && device.poolId !== pool.id) throw invalid('tag', 'devices_pool_error_other_pool');
			if (device.poolId === pool.id) return device;
		} else {
			if (device.poolId !== pool.id) throw invalid('tag', 'devices_pool_error_not_in_pool');
			const [open] = await tx
				.select({ id: deviceBookings.id })
				.from(deviceBookingItems)
				.innerJoin(deviceBookings, eq(deviceBookings.id, deviceBookingItems.bookingId))
				.where(and(eq(deviceBookingItems.deviceId, device.id), inArray(deviceBookings.status, ['booked', 'picked_up'])))
				.limit(1);
			if (open) throw invalid('tag', 'devices_pool_error_booked');
		}
		await tx
			.update(devices)
			.set({ poolId: opts.inPool ? pool.id : null, updatedAt: new Date() })
			.where(eq(devices.id, device.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: opts.inPool ? 'device.pool_add' : 'device.pool_remove',
			entityType: 'device',
			entityId: device.id,
			changes: { poolId: opts.inPool ? [device.poolId, pool.id] : [pool.id, null] }
		});
		return device;
	});
}
