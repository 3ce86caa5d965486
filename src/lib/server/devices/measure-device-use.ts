import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceRepairs, devices } from '../db/schema';
import { BLOCKED_STATUSES } from './device-rules';

const YEAR_SECONDS = 365.25 * 86_400;

/** How much a period's devices were in use, and what their repairs cost (measureDeviceUse). */
export type DeviceUse = {
	/** Devices in use at the period's end (or now, if sooner): in the register by then and not yet lost, stolen or scrapped. */
	inUse: number;
	/** Years of use within the period, summed over the devices (one device in use all year is one student-year). */
	deviceYears: number;
	/** Repairs that came back within the period, and their recorded costs in kronor. */
	repairs: number;
	repairCost: number;
};

/**
 * The use of the devices at some units in a period (Stockholm dates, `to` not included), counted as the cost page
 * counts it (findModelCosts): a device is in use from its purchase date (else its registration) until it was lost,
 * stolen or scrapped (the status's last change), else until now; repairs count at the cost recorded on their return.
 * Summed in the database, so it reads 200 000 devices as one row. The unit is the device's unit today. Asks nobody who
 * reads: the caller authorizes (the planning indicators read it for a chain the reader may see).
 */
export async function measureDeviceUse(
	db: Db,
	o: { organizerId: string; unitIds: string[] | null; from: string; to: string; now?: Date }
): Promise<DeviceUse> {
	if (o.unitIds && o.unitIds.length === 0) return { inUse: 0, deviceYears: 0, repairs: 0, repairCost: 0 };
	const now = o.now ?? new Date();
	const periodStart = sql`((${o.from}::date)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
	const periodEnd = sql`least((${o.to}::date)::timestamp AT TIME ZONE 'Europe/Stockholm', ${now.toISOString()}::timestamptz)`;
	const started = sql`coalesce((${devices.purchaseDate}::timestamp AT TIME ZONE 'Europe/Stockholm'), ${devices.createdAt})`;
	const blocked = sql.join(
		BLOCKED_STATUSES.map((s) => sql`${s}`),
		sql`, `
	);
	const ended = sql`CASE WHEN ${devices.status} IN (${blocked}) THEN ${devices.updatedAt} ELSE ${now.toISOString()}::timestamptz END`;
	const at: SQL[] = [eq(devices.organizerId, o.organizerId)];
	if (o.unitIds) at.push(inArray(devices.unitId, o.unitIds));
	const [[use], [repairs]] = await Promise.all([
		db
			.select({
				inUse: sql<number>`count(*) FILTER (WHERE ${started} < ${periodEnd} AND ${ended} >= ${periodEnd})::int`,
				seconds: sql<number>`coalesce(sum(greatest(0, extract(epoch FROM least(${ended}, ${periodEnd}) - greatest(${started}, ${periodStart})))), 0)::float8`
			})
			.from(devices)
			.where(and(...at)),
		db
			.select({ n: sql<number>`count(*)::int`, cost: sql<number>`coalesce(sum(${deviceRepairs.cost}), 0)::float8` })
			.from(deviceRepairs)
			.innerJoin(devices, eq(devices.id, deviceRepairs.deviceId))
			.where(and(...at, gte(deviceRepairs.returnedAt, sql`${periodStart}`), lt(deviceRepairs.returnedAt, sql`${periodEnd}`)))
	]);
	return {
		inUse: Number(use?.inUse ?? 0),
		deviceYears: Number(use?.seconds ?? 0) / YEAR_SECONDS,
		repairs: Number(repairs?.n ?? 0),
		repairCost: Number(repairs?.cost ?? 0)
	};
}
