import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';

/**
 * The devices of each model at the given units and their years of use summed, in seconds, to `now` (for a device in
 * use) or to when it left use (lost, stolen, scrapped: its updated_at), from its start: the purchase date at midnight
 * UTC, else its registration; never below zero. Read from the stored sums (device_use_sums, decision 073), which keep
 * the starts of the devices in use summed: `in use × now − starts`, plus, for the few devices whose start is still
 * ahead of now (found through devices_start_idx), what that subtracted below zero. Exact (numeric) until the last cast,
 * so the same figure as summing every device.
 */
export async function sumDeviceYears(db: Db, opts: { organizerId: string; unitIds: string[]; now: Date }) {
	const { organizerId, now } = opts;
	const units = sql`(SELECT unnest(${`{${opts.unitIds.join(',')}}`}::uuid[]))`;
	const at = sql`${now.toISOString()}::timestamptz`;
	const start = sql`coalesce(d.purchase_date::timestamp AT TIME ZONE 'UTC', d.created_at)`;
	const rows = rowsOf<{ model_id: string; devices: number; seconds: number }>(
		await db.execute(sql`WITH stored AS (
				SELECT model_id, sum(in_use + out_of_use) AS devices, sum(in_use) AS in_use, sum(in_use_start_seconds) AS starts,
					sum(out_of_use_seconds) AS out_seconds
				FROM device_use_sums WHERE organizer_id = ${organizerId} AND unit_id IN ${units} GROUP BY model_id
			), ahead AS (
				SELECT d.model_id, sum(extract(epoch FROM (${start} - ${at}))) AS seconds
				FROM devices d
				WHERE d.organizer_id = ${organizerId} AND ${start} > ${at} AND d.unit_id IN ${units}
					AND d.status NOT IN ('lost', 'stolen', 'scrapped')
				GROUP BY d.model_id
			)
			SELECT s.model_id, s.devices::int AS devices,
				(s.in_use * extract(epoch FROM ${at}) - s.starts + s.out_seconds + coalesce(a.seconds, 0))::float8 AS seconds
			FROM stored s LEFT JOIN ahead a ON a.model_id = s.model_id
			WHERE s.devices <> 0`)
	);
	return rows.map((r) => ({ modelId: r.model_id, devices: Number(r.devices), seconds: Number(r.seconds) }));
}
