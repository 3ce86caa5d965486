import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookings } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { lockBooking } from './lock-booking';

/**
 * Cancels a booking before pick-up: by the person who booked it or borrows it, or by those who manage the pool.
 * Its devices are free for those days again. Audited device_booking.cancel.
 */
export async function cancelBooking(db: Db, opts: { actor: Actor | null; organizerId: string; bookingId: string }) {
	authorize(opts.actor, 'devices.book', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	return db.transaction(async (tx) => {
		const { booking, resource } = await lockBooking(tx, opts);
		const own = booking.bookedBy === actor.personId || booking.borrowerId === actor.personId;
		if (!(own && can(actor, 'devices.book', resource))) authorize(actor, 'devices.pools', resource);
		if (booking.status !== 'booked')
			throw new AppError('CONFLICT', 'not booked', [{ field: 'form', message: 'devices_booking_error_not_booked' }]);
		await tx.update(deviceBookings).set({ status: 'cancelled' }).where(eq(deviceBookings.id, booking.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device_booking.cancel',
			entityType: 'device_booking',
			entityId: booking.id,
			changes: { status: ['booked', 'cancelled'] }
		});
	});
}
