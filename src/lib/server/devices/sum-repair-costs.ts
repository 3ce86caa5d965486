import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';

/**
 * The recorded costs and the number of the repairs that came back, per model and year of the device's life, of the
 * devices at the given units. Read from the stored sums (device_repair_sums, decision 073), kept by triggers on every
 * write to repairs and devices: a few thousand rows instead of every repair joined to its device.
 */
export async function sumRepairCosts(db: Db, opts: { organizerId: string; unitIds: string[] }) {
	const rows = rowsOf<{ model_id: string; life_year: number; cost: number; n: number }>(
		await db.execute(sql`SELECT model_id, life_year, sum(cost)::float8 AS cost, sum(repairs)::int AS n
			FROM device_repair_sums
			WHERE organizer_id = ${opts.organizerId} AND unit_id IN (SELECT unnest(${`{${opts.unitIds.join(',')}}`}::uuid[]))
			GROUP BY 1, 2 HAVING sum(repairs) <> 0 ORDER BY 1, 2`)
	);
	return rows.map((r) => ({ modelId: r.model_id, lifeYear: Number(r.life_year), cost: Number(r.cost), count: Number(r.n) }));
}
