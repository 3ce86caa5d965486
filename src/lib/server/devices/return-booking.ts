import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookings, deviceEvents, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { lockBooking } from './lock-booking';

/**
 * Takes a picked-up booking back (devices.pools on the pool): each device still on loan to the borrower goes back in
 * stock with an ordinary `returned` history row (condition ok); a device already returned by a return scan is left as
 * it is. The booking is then returned. Audited device_booking.return with the tags taken back.
 */
export async function returnBooking(db: Db, opts: { actor: Actor | null; organizerId: string; bookingId: string; now?: Date }) {
	authorize(opts.actor, 'devices.pools', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const now = opts.now ?? new Date();
	return db.transaction(async (tx) => {
		const { booking, resource, items } = await lockBooking(tx, opts);
		authorize(actor, 'devices.pools', resource);
		if (booking.status !== 'picked_up')
			throw new AppError('CONFLICT', 'not picked up', [{ field: 'form', message: 'devices_booking_error_not_out' }]);
		const back = items.filter((d) => d.status === 'on_loan' && d.holderId === booking.borrowerId);
		for (const d of back) {
			await tx.update(devices).set({ status: 'in_stock', holderId: null, updatedAt: now }).where(eq(devices.id, d.id));
			await tx.insert(deviceEvents).values({
				organizerId: opts.organizerId,
				deviceId: d.id,
				kind: 'returned',
				personId: booking.borrowerId,
				actorId: actor.personId,
				fromStatus: 'on_loan',
				toStatus: 'in_stock',
				condition: 'ok'
			});
		}
		await tx.update(deviceBookings).set({ status: 'returned', returnedAt: now }).where(eq(deviceBookings.id, booking.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device_booking.return',
			entityType: 'device_booking',
			entityId: booking.id,
			changes: { status: ['picked_up', 'returned'], tags: back.map((d) => d.assetTag) }
		});
		return { tags: back.map((d) => d.assetTag) };
	});
}
