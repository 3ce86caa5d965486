import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceRepairs, devices } from '../db/schema';
import { daysWithoutDevice } from './device-rules';

/**
 * Repairs sent in a period (Stockholm dates, `to` not included) from an organizer's devices (at `unitIds` when given),
 * and of those the ones sent while someone held the device, with the whole days their holders went without
 * (daysWithoutDevice: none with a loaner, up to `now` while away). The repair half of countDeviceFigures, for callers
 * that show only it (countDaysWithout, the picture) and need not count every device of the register.
 */
export async function countRepairDays(
	db: Db,
	o: { organizerId: string; unitIds: string[] | null; from: string; to: string; now?: Date }
): Promise<{ repairs: number; repairsOfHeld: number; daysWithoutDevice: number }> {
	const now = o.now ?? new Date();
	if (o.unitIds && o.unitIds.length === 0) return { repairs: 0, repairsOfHeld: 0, daysWithoutDevice: 0 };
	const period = and(
		eq(deviceRepairs.organizerId, o.organizerId),
		gte(deviceRepairs.sentAt, sql`(${o.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'`),
		lt(deviceRepairs.sentAt, sql`(${o.to}::date)::timestamp AT TIME ZONE 'Europe/Stockholm'`)
	);
	const columns = {
		holderId: deviceRepairs.holderId,
		loanerDeviceId: deviceRepairs.loanerDeviceId,
		sentAt: deviceRepairs.sentAt,
		returnedAt: deviceRepairs.returnedAt
	};
	// The whole organizer reads its repairs alone; only units need the devices (where each device is now). Joined for
	// the whole organizer too, PostgreSQL hashed every device of the register for a year's repairs (≈ 0.25 s of the
	// follow-up picture on 200 000 devices).
	const repairs = o.unitIds
		? await db
				.select(columns)
				.from(deviceRepairs)
				.innerJoin(devices, eq(devices.id, deviceRepairs.deviceId))
				.where(and(period, eq(devices.organizerId, o.organizerId), inArray(devices.unitId, o.unitIds)))
		: await db.select(columns).from(deviceRepairs).where(period);
	const days = repairs.map((r) => daysWithoutDevice(r, now)).filter((d): d is number => d !== null);
	return { repairs: repairs.length, repairsOfHeld: days.length, daysWithoutDevice: days.reduce((s, d) => s + d, 0) };
}
