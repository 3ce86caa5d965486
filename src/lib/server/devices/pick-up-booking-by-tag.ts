import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, devices } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { invalid, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import type { FormInput } from './device-input';
import { pickUpBooking } from './pick-up-booking';

const pickUpScanSchema = z.object({
	tag: z.string({ message: 'devices_error_tag' }).trim().min(1, 'devices_error_tag').max(64, 'devices_error_too_long')
});

/**
 * A pick-up by scanning (the scan page's third mode, decision 069): the tag of any device of a booking that starts
 * today or earlier and has not ended hands out that whole booking to its borrower, through pickUpBooking's own rules
 * (devices.pools on the pool, every device in stock, one transaction). Refused beside the tag field: an unknown tag,
 * a device in no booking waiting to be picked up today, and pickUpBooking's refusals (a device still out, naming it;
 * about the whole form there, the scan page shows them beside the tag).
 */
export async function pickUpBookingByTag(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<{ tag: string }>; now?: Date }
): Promise<{ bookingId: string; tags: string[]; borrowerName: string; endsOn: string }> {
	authorize(opts.actor, 'devices.pools', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tag } = parseOrThrow(pickUpScanSchema, opts.input);
	const today = todayInStockholm(opts.now);
	const [device] = await db
		.select({ id: devices.id })
		.from(devices)
		.where(and(eq(devices.organizerId, opts.organizerId), eq(devices.assetTag, tag)));
	if (!device) throw invalid('tag', 'devices_error_tag_unknown');
	const [booking] = await db
		.select({ id: deviceBookings.id, borrowerId: deviceBookings.borrowerId, endsOn: deviceBookings.endsOn })
		.from(deviceBookingItems)
		.innerJoin(deviceBookings, eq(deviceBookings.id, deviceBookingItems.bookingId))
		.where(
			and(
				eq(deviceBookingItems.deviceId, device.id),
				eq(deviceBookings.organizerId, opts.organizerId),
				eq(deviceBookings.status, 'booked'),
				lte(deviceBookings.startsOn, today),
				gte(deviceBookings.endsOn, today)
			)
		)
		.orderBy(asc(deviceBookings.startsOn))
		.limit(1);
	if (!booking) throw invalid('tag', 'devices_pickup_error_no_booking');
	const { tags } = await pickUpBooking(db, { actor, organizerId: opts.organizerId, bookingId: booking.id, now: opts.now });
	const names = await shownNamesById(db, { actor, organizerId: opts.organizerId, personIds: [booking.borrowerId], via: 'devices.scan' });
	return { bookingId: booking.id, tags, borrowerName: names.get(booking.borrowerId) ?? '', endsOn: booking.endsOn };
}
