import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';

/**
 * Staff per unit as SS 12000 tells it: the distinct people whose duty (synced into a role assignment, entity 'duty')
 * at the unit was in force on some day of the period (Stockholm dates, `to` not included). Every mapped duty counts,
 * whatever role it maps to. Students are not synced (only organisations, persons, duties and groups' names are), so
 * SS 12000 gives no student count. Asks nobody who reads: the caller authorizes.
 */
export async function countDutyStaff(db: Db, o: { organizerId: string; from: string; to: string }): Promise<Map<string, number>> {
	const rows = rowsOf<{ unit_id: string; n: number }>(
		await db.execute(sql`SELECT a.unit_id, count(DISTINCT a.person_id)::int AS n
			FROM ss12000_links l JOIN role_assignments a ON a.id = l.local_id
			WHERE l.organizer_id = ${o.organizerId} AND l.entity = 'duty' AND a.organizer_id = ${o.organizerId}
				AND a.unit_id IS NOT NULL
				AND (a.starts_on IS NULL OR a.starts_on < ${o.to}::date)
				AND (a.ends_on IS NULL OR a.ends_on >= ${o.from}::date)
			GROUP BY a.unit_id`)
	);
	return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}
