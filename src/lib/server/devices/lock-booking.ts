import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, devices } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { loadPool } from './load-pool';

/**
 * Within a transaction: one booking of the organizer, locked, with its pool and its devices (locked too, in tag
 * order so two transactions take the locks in the same order). NOT_FOUND for unknown ids. Internal to the domain.
 */
export async function lockBooking(tx: Db, o: { organizerId: string; bookingId: string }) {
	if (!isUuid(o.bookingId)) throw new AppError('NOT_FOUND', 'no such booking');
	const [booking] = await tx
		.select()
		.from(deviceBookings)
		.where(and(eq(deviceBookings.id, o.bookingId), eq(deviceBookings.organizerId, o.organizerId)))
		.for('update');
	if (!booking) throw new AppError('NOT_FOUND', 'no such booking');
	const { pool, resource } = await loadPool(tx, { organizerId: o.organizerId, poolId: booking.poolId });
	const items = await tx
		.select({ id: devices.id, assetTag: devices.assetTag, status: devices.status, holderId: devices.holderId })
		.from(deviceBookingItems)
		.innerJoin(devices, eq(devices.id, deviceBookingItems.deviceId))
		.where(eq(deviceBookingItems.bookingId, booking.id))
		.orderBy(asc(devices.assetTag))
		.for('update', { of: devices });
	return { booking, pool, resource, items };
}
