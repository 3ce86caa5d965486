import { sql, type SQL } from 'drizzle-orm';

/** Which cases a follow-up page counts: one organizer, optionally one unit and what lies under it, one chain, a period. */
export type FollowupFilter = {
	organizerId: string;
	unitId: string | null;
	chain: 'technical' | 'pedagogical' | null;
	/** Stockholm dates, half-open [from, to). */
	from: string;
	to: string;
};

/** The WHERE clause on `tickets t` for a filter (the unit's subtree through a recursive query). */
export function followupWhere(f: FollowupFilter): SQL {
	const parts: SQL[] = [
		sql`t.organizer_id = ${f.organizerId}`,
		sql`t.merged_into_id IS NULL`,
		sql`t.created_at >= (${f.from}::timestamp AT TIME ZONE 'Europe/Stockholm')`,
		sql`t.created_at < (${f.to}::timestamp AT TIME ZONE 'Europe/Stockholm')`
	];
	if (f.chain) parts.push(sql`t.chain = ${f.chain}`);
	if (f.unitId) parts.push(sql`t.unit_id IN (${unitSubtree(f.organizerId, f.unitId)})`);
	return sql.join(parts, sql` AND `);
}

/** The ids of a unit and every unit under it, as a subquery (for `… IN (…)`). */
export function unitSubtree(organizerId: string, unitId: string): SQL {
	return sql`WITH RECURSIVE down(id, depth) AS (
				SELECT id, 0 FROM units WHERE id = ${unitId} AND organizer_id = ${organizerId}
				UNION ALL SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 20
			) SELECT id FROM down`;
}
