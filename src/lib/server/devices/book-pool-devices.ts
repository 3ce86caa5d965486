import { and, asc, eq, gte, inArray, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { AppError, invalid, parseOrThrow } from '../errors';
import { authorize, can, type Actor } from '../policies';
import type { FormInput } from './device-input';
import { findPersonByIdentifier } from './device-scope';
import { loadPool } from './load-pool';
import { bookingSchema, type BookingInput } from './pool-input';

/** Devices that cannot be lent at all, whatever the calendar says. */
const UNLENDABLE = ['lost', 'stolen', 'scrapped'];

/**
 * Books devices of a pool for a period (devices.book on the pool: staff and key people of its unit, for themselves;
 * those who manage the pool, for anyone who is an active member). The devices are named by tag, or so many of a model
 * are chosen among those free for the whole period, in tag order. Refused beside the field: a tag not in the pool, a
 * start before today, too few free devices; a device already booked in an overlapping period is a CONFLICT naming the
 * tag and the other booking's days. The pool row is locked, so two bookings of the same pool are decided one at a time.
 * Audited device_booking.create.
 */
export async function bookPoolDevices(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; poolId: string; input: FormInput<BookingInput>; now?: Date }
) {
	authorize(opts.actor, 'devices.book', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(bookingSchema, opts.input);
	if (input.startsOn < todayInStockholm(opts.now)) throw invalid('startsOn', 'devices_booking_error_past');
	return db.transaction(async (tx) => {
		const { pool, resource } = await loadPool(tx, { ...opts, forUpdate: true });
		authorize(actor, 'devices.book', resource);
		let borrowerId = actor.personId;
		if (input.borrower) {
			const person = await findPersonByIdentifier(tx, opts.organizerId, input.borrower);
			if (!person || !person.member || person.status !== 'active') throw invalid('borrower', 'devices_error_person_unknown');
			if (person.id !== actor.personId && !can(actor, 'devices.pools', resource))
				throw invalid('borrower', 'devices_booking_error_for_other');
			borrowerId = person.id;
		}
		const inPool = await tx
			.select({ id: devices.id, assetTag: devices.assetTag, modelId: devices.modelId })
			.from(devices)
			.where(and(eq(devices.poolId, pool.id), notInArray(devices.status, UNLENDABLE)))
			.orderBy(asc(devices.assetTag));
		const overlapping = await tx
			.select({ deviceId: deviceBookingItems.deviceId, startsOn: deviceBookings.startsOn, endsOn: deviceBookings.endsOn })
			.from(deviceBookingItems)
			.innerJoin(deviceBookings, eq(deviceBookings.id, deviceBookingItems.bookingId))
			.where(
				and(
					eq(deviceBookings.poolId, pool.id),
					inArray(deviceBookings.status, ['booked', 'picked_up']),
					lte(deviceBookings.startsOn, input.endsOn),
					gte(deviceBookings.endsOn, input.startsOn)
				)
			);
		const taken = new Map(overlapping.map((o) => [o.deviceId, o]));
		let chosen: typeof inPool;
		if (input.tags.length) {
			const byTag = new Map(inPool.map((d) => [d.assetTag.toLowerCase(), d]));
			chosen = [];
			for (const tag of input.tags) {
				const device = byTag.get(tag.toLowerCase());
				if (!device)
					throw new AppError('INVALID', 'not in pool', [{ field: 'tags', message: 'devices_booking_error_not_in_pool', params: { tag } }]);
				const other = taken.get(device.id);
				if (other)
					throw new AppError('CONFLICT', 'already booked', [
						{
							field: 'tags',
							message: 'devices_booking_error_taken',
							params: { tag: device.assetTag, from: other.startsOn, to: other.endsOn }
						}
					]);
				chosen.push(device);
			}
		} else {
			const free = inPool.filter((d) => !taken.has(d.id) && (!input.modelId || d.modelId === input.modelId));
			if (free.length < input.count)
				throw new AppError('CONFLICT', 'too few free', [
					{ field: 'count', message: 'devices_booking_error_too_few', params: { free: free.length } }
				]);
			chosen = free.slice(0, input.count);
		}
		const [booking] = await tx
			.insert(deviceBookings)
			.values({
				organizerId: opts.organizerId,
				poolId: pool.id,
				borrowerId,
				bookedBy: actor.personId,
				startsOn: input.startsOn,
				endsOn: input.endsOn,
				note: input.note
			})
			.returning();
		await tx
			.insert(deviceBookingItems)
			.values(chosen.map((d) => ({ organizerId: opts.organizerId, bookingId: booking.id, deviceId: d.id })));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'device_booking.create',
			entityType: 'device_booking',
			entityId: booking.id,
			changes: { poolId: pool.id, borrowerId, startsOn: input.startsOn, endsOn: input.endsOn, tags: chosen.map((d) => d.assetTag) }
		});
		return { booking, tags: chosen.map((d) => d.assetTag) };
	});
}
