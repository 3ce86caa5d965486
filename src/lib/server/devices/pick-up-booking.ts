import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookings, deviceEvents, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { AppError, conflict } from '../errors';
import { authorize, type Actor } from '../policies';
import { lockBooking } from './lock-booking';

/**
 * Hands out a booking's devices to the borrower (devices.pools on the pool): from the first day of the period until
 * its last, every device must be in stock — one still out with someone else, or in repair, is a CONFLICT naming it and
 * nothing is handed out. Each device goes `on_loan` to the borrower, due back on the booking's last day, with a
 * `pool_loaned` history row. Audited device_booking.pick_up.
 */
export async function pickUpBooking(db: Db, opts: { actor: Actor | null; organizerId: string; bookingId: string; now?: Date }) {
	authorize(opts.actor, 'devices.pools', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const now = opts.now ?? new Date();
	const today = todayInStockholm(now);
	return db.transaction(async (tx) => {
		const { booking, resource, items } = await lockBooking(tx, opts);
		authorize(actor, 'devices.pools', resource);
		if (booking.status !== 'booked')
			throw new AppError('CONFLICT', 'not booked', [{ field: 'form', message: 'devices_booking_error_not_booked' }]);
		if (today < booking.startsOn) throw conflict('form', 'devices_booking_error_too_early');
		if (today > booking.endsOn) throw conflict('form', 'devices_booking_error_over');
		const busy = items.find((d) => d.status !== 'in_stock');
		if (busy)
			throw new AppError('CONFLICT', 'device not in stock', [
				{ field: 'form', message: 'devices_booking_error_device_busy', params: { tag: busy.assetTag } }
			]);
		for (const d of items) {
			await tx.update(devices).set({ status: 'on_loan', holderId: booking.borrowerId, updatedAt: now }).where(eq(devices.id, d.id));
			await tx.insert(deviceEvents).values({
				organizerId: opts.organizerId,
				deviceId: d.id,
				kind: 'pool_loaned',
				personId: booking.borrowerId,
				actorId: actor.personId,
				fromStatus: 'in_stock',
				toStatus: 'on_loan',
				note: booking.endsOn
			});
		}
		await tx.update(deviceBookings).set({ status: 'picked_up', pickedUpAt: now }).where(eq(deviceBookings.id, booking.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device_booking.pick_up',
			entityType: 'device_booking',
			entityId: booking.id,
			changes: { status: ['booked', 'picked_up'], tags: items.map((d) => d.assetTag) }
		});
		return { tags: items.map((d) => d.assetTag) };
	});
}
