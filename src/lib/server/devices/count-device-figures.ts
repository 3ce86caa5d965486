import { and, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { devices } from '../db/schema';
import { BLOCKED_STATUSES } from './device-rules';
import { countRepairDays } from './count-repair-days';

/** The devices figures of the operational follow-up (issue 20) for some units (null: the whole organizer). */
export type DeviceFigures = {
	/** Devices in the register that are not lost, stolen or scrapped. */
	devices: number;
	/** Of those, the ones nobody holds (in stock, in repair or back from a loan): bought but not in anyone's hands. */
	withoutHolder: number;
	/** Repairs sent in the period. */
	repairs: number;
	/** Of those, the ones sent while someone held the device. */
	repairsOfHeld: number;
	/** Whole days people were without their device because of those repairs (none when a loaner was handed out). */
	daysWithoutDevice: number;
};

/**
 * Devices without holders today and the days people were without a device through repairs sent in a period
 * (Stockholm dates, `to` not included), using the devices module's own rule (daysWithoutDevice). Asks nobody who
 * reads: the caller authorizes.
 */
export async function countDeviceFigures(
	db: Db,
	o: { organizerId: string; unitIds: string[] | null; from: string; to: string; now?: Date }
): Promise<DeviceFigures> {
	if (o.unitIds && o.unitIds.length === 0) return { devices: 0, withoutHolder: 0, repairs: 0, repairsOfHeld: 0, daysWithoutDevice: 0 };
	const at: SQL[] = [eq(devices.organizerId, o.organizerId)];
	if (o.unitIds) at.push(inArray(devices.unitId, o.unitIds));
	const [[held], repairs] = await Promise.all([
		db
			.select({
				all: sql<number>`count(*)::int`,
				free: sql<number>`count(*) FILTER (WHERE ${devices.holderId} IS NULL)::int`
			})
			.from(devices)
			.where(and(...at, notInArray(devices.status, [...BLOCKED_STATUSES]))),
		countRepairDays(db, o)
	]);
	return { devices: Number(held?.all ?? 0), withoutHolder: Number(held?.free ?? 0), ...repairs };
}
