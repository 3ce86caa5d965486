import { randomUUID } from 'node:crypto';
import type { deviceBookingItems, deviceBookings, deviceEvents, devicePools, devices } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import type { DemoOrganizer } from './build-demo-organizer';

/** How many of the school's devices in stock make up its class set. */
const POOL_SIZE = 12;

const dayFrom = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A loaner pool for the demo (decision 056): "Klassuppsättning" at the school with students, of POOL_SIZE devices
 * the register has in stock there, and three bookings around the day the demo is built (so the calendar shows them):
 * four devices handed out to a teacher from yesterday to tomorrow, a class set of ten booked a week ahead, and one
 * returned last week. Changes the device and history rows it lends before they are inserted; returns the rows to
 * insert (the pool before the devices, the bookings after).
 */
export function planDemoPool(
	demo: DemoOrganizer,
	key: string,
	deviceRows: (typeof devices.$inferInsert)[],
	eventRows: (typeof deviceEvents.$inferInsert)[],
	now = new Date()
) {
	const unitId = demo.units[key];
	const teacher = demo.people.staff.find((p) => p.unitKey === key);
	const keeper = demo.people.technical_key_person.find((p) => p.unitKey === key) ?? teacher;
	const inStock = deviceRows.filter((d) => d.unitId === unitId && d.status === 'in_stock').slice(-POOL_SIZE);
	if (!unitId || !teacher || !keeper || inStock.length < POOL_SIZE) return null;
	const today = todayInStockholm(now);
	const poolId = randomUUID();
	const pool: typeof devicePools.$inferInsert = { id: poolId, organizerId: demo.organizerId, name: 'Klassuppsättning', unitId };
	for (const d of inStock) d.poolId = poolId;
	const booking = (o: { from: number; to: number; status: string; note: string }): typeof deviceBookings.$inferInsert => ({
		id: randomUUID(),
		organizerId: demo.organizerId,
		poolId,
		borrowerId: teacher.id,
		bookedBy: keeper.id,
		startsOn: dayFrom(today, o.from),
		endsOn: dayFrom(today, o.to),
		status: o.status,
		note: o.note,
		createdAt: new Date(Date.parse(`${dayFrom(today, o.from - 3)}T08:00:00Z`))
	});
	const out = booking({ from: -1, to: 1, status: 'picked_up', note: 'Temadag om programmering' });
	out.pickedUpAt = new Date(Date.parse(`${out.startsOn}T07:30:00Z`));
	const ahead = booking({ from: 7, to: 9, status: 'booked', note: 'Klass 8B, nationella prov' });
	const past = booking({ from: -8, to: -6, status: 'returned', note: 'Filmprojekt' });
	past.pickedUpAt = new Date(Date.parse(`${past.startsOn}T07:30:00Z`));
	past.returnedAt = new Date(Date.parse(`${past.endsOn}T14:00:00Z`));
	const items: (typeof deviceBookingItems.$inferInsert)[] = [];
	const add = (b: typeof out, rows: typeof inStock) =>
		items.push(...rows.map((d) => ({ organizerId: demo.organizerId, bookingId: b.id!, deviceId: d.id! })));
	add(out, inStock.slice(0, 4));
	add(ahead, inStock.slice(2, 12));
	add(past, inStock.slice(0, 2));
	for (const d of inStock.slice(0, 4)) {
		d.status = 'on_loan';
		d.holderId = teacher.id;
		eventRows.push({
			organizerId: demo.organizerId,
			deviceId: d.id!,
			kind: 'pool_loaned',
			personId: teacher.id,
			actorId: keeper.id,
			fromStatus: 'in_stock',
			toStatus: 'on_loan',
			note: out.endsOn,
			createdAt: out.pickedUpAt
		});
	}
	return { pool, bookings: [past, out, ahead], items };
}
