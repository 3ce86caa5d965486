import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';

/** A unit's parents up to the root, nearest first, in one recursive query (empty for another organizer's unit). */
export async function loadAncestorIds(db: Db, organizerId: string, unitId: string): Promise<string[]> {
	const res = await db.execute(sql`
		WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 0 FROM units WHERE id = ${unitId} AND organizer_id = ${organizerId}
			UNION ALL
			SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 20
		)
		SELECT id FROM up WHERE depth > 0 ORDER BY depth`);
	return rowsOf<{ id: string }>(res).map((r) => r.id);
}
