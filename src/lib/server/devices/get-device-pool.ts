import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookingItems, deviceBookings, deviceModels, devices } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, can, type Actor } from '../policies';
import { shownNamesById } from '../support/privacy/shown-names';
import { loadPool } from './load-pool';
import { calendarDays, isOverdue, poolCalendar } from './pool-calendar';

/** How many days the pool's calendar shows from today. */
export const CALENDAR_DAYS = 14;

/**
 * One pool (devices.book on it): its devices, its bookings that are not over (booked, out, and those returned or
 * cancelled in the last 30 days), a calendar of the coming CALENDAR_DAYS days, the models one may book so many of,
 * and what the actor may do (manage the pool; cancel their own bookings).
 */
export async function getDevicePool(db: Db, opts: { actor: Actor | null; organizerId: string; poolId: string; now?: Date }) {
	authorize(opts.actor, 'devices.book', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { pool, scope, resource } = await loadPool(db, opts);
	authorize(actor, 'devices.book', resource);
	const canManage = can(actor, 'devices.pools', resource);
	const today = todayInStockholm(opts.now);
	const recent = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
	const poolDevices = await db
		.select({
			id: devices.id,
			assetTag: devices.assetTag,
			status: devices.status,
			modelId: devices.modelId,
			maker: deviceModels.maker,
			model: deviceModels.model
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.where(eq(devices.poolId, pool.id))
		.orderBy(asc(devices.assetTag));
	const bookings = await db
		.select()
		.from(deviceBookings)
		.where(
			and(
				eq(deviceBookings.poolId, pool.id),
				or(inArray(deviceBookings.status, ['booked', 'picked_up']), gte(deviceBookings.endsOn, recent))
			)
		)
		.orderBy(asc(deviceBookings.startsOn), asc(deviceBookings.createdAt));
	const items = bookings.length
		? await db
				.select({ bookingId: deviceBookingItems.bookingId, deviceId: deviceBookingItems.deviceId, assetTag: devices.assetTag })
				.from(deviceBookingItems)
				.innerJoin(devices, eq(devices.id, deviceBookingItems.deviceId))
				.where(
					inArray(
						deviceBookingItems.bookingId,
						bookings.map((b) => b.id)
					)
				)
				.orderBy(asc(devices.assetTag))
		: [];
	const names = await shownNamesById(db, {
		actor,
		organizerId: opts.organizerId,
		personIds: bookings.map((b) => b.borrowerId),
		via: 'devices.pool'
	});
	const shown = bookings.map((b) => {
		const mine = items.filter((i) => i.bookingId === b.id);
		return {
			id: b.id,
			borrowerName: names.get(b.borrowerId) ?? '',
			startsOn: b.startsOn,
			endsOn: b.endsOn,
			status: b.status,
			note: b.note,
			overdue: isOverdue(b, today),
			tags: mine.map((i) => i.assetTag),
			deviceIds: mine.map((i) => i.deviceId),
			canCancel: b.status === 'booked' && (canManage || b.bookedBy === actor.personId || b.borrowerId === actor.personId)
		};
	});
	const days = calendarDays(today, CALENDAR_DAYS);
	const calendar = poolCalendar(
		days,
		poolDevices.map((d) => d.id),
		shown
	);
	const models = [...new Map(poolDevices.map((d) => [d.modelId, { id: d.modelId, name: `${d.maker} ${d.model}` }])).values()];
	return {
		pool: { id: pool.id, name: pool.name, unitName: pool.unitId ? (scope.byId.get(pool.unitId)?.name ?? '') : '', central: !pool.unitId },
		devices: poolDevices.map((d) => ({ id: d.id, assetTag: d.assetTag, status: d.status, model: `${d.maker} ${d.model}` })),
		bookings: shown.map(({ deviceIds: _ids, ...b }) => b),
		days,
		calendar: poolDevices.map((d) => ({ assetTag: d.assetTag, cells: calendar.get(d.id) ?? [] })),
		models,
		today,
		canManage
	};
}
