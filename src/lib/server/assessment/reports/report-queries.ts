import { sql } from 'drizzle-orm';
import type { Db } from '../../db';

/** Sums over the level answers of one cell: n answers with a level, their sum and sum of squares, and the non-level answers. */
export type CellSums = { n: number; sum: number; sumSq: number; dontKnow: number; notApplicable: number };

/** One row of the roll-up: unitId or perspective null means "all" (a total). `thin`: some item rests on 1…k−1 level answers. */
export type StatRow = CellSums & { unitId: string | null; perspective: string | null; groupKey: string; thin: boolean };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/**
 * Level sums per unit × perspective × (sub-goal or item), with the unit, perspective and organizer
 * totals, over submitted responses of one round. The heavy lifting (join and GROUP BY over every
 * answer) happens in the database; only one row per cell comes back.
 * `groups` maps each item key to the group it counts in (its sub-goal id, or the item key itself).
 */
export async function fetchGroupStats(
	db: Db,
	opts: { organizerId: string; roundId: string; groups: Record<string, string>; threshold: number }
): Promise<StatRow[]> {
	const map = JSON.stringify(opts.groups);
	// One hash aggregate over every answer of the round: give it the memory to stay off disk.
	const result = await db.transaction(async (tx) => {
		await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
		return tx.execute(sql`
		WITH per_item AS (
			SELECT r.unit_id, r.perspective, a.item_key,
				count(a.level) AS n, coalesce(sum(a.level), 0) AS s, coalesce(sum(a.level * a.level), 0) AS ss,
				count(*) FILTER (WHERE a.special = 'dont_know') AS dk,
				count(*) FILTER (WHERE a.special = 'not_applicable') AS na
			FROM assessment_responses r
			JOIN assessment_answers a ON a.response_id = r.id AND a.organizer_id = ${opts.organizerId}
			WHERE r.organizer_id = ${opts.organizerId} AND r.round_id = ${opts.roundId} AND r.submitted_at IS NOT NULL
			GROUP BY r.unit_id, r.perspective, a.item_key
		), item_sets AS (
			SELECT unit_id, perspective, item_key, sum(n) AS n, sum(s) AS s, sum(ss) AS ss, sum(dk) AS dk, sum(na) AS na
			FROM per_item
			GROUP BY GROUPING SETS ((unit_id, perspective, item_key), (unit_id, item_key), (perspective, item_key), (item_key))
		)
		SELECT i.unit_id AS "unitId", i.perspective, m.group_key AS "groupKey",
			sum(i.n)::int AS n, sum(i.s)::int AS sum, sum(i.ss)::int AS "sumSq", sum(i.dk)::int AS "dontKnow",
			sum(i.na)::int AS "notApplicable", bool_or(i.n > 0 AND i.n < ${opts.threshold}) AS thin
		FROM item_sets i
		JOIN jsonb_each_text(${map}::jsonb) AS m(item_key, group_key) ON m.item_key = i.item_key
		GROUP BY i.unit_id, i.perspective, m.group_key`);
	});
	return rowsOf<StatRow>(result);
}

/** Submitted respondents per unit × perspective in a round. */
export async function fetchRespondentCounts(db: Db, opts: { organizerId: string; roundId: string }) {
	const result = await db.execute(sql`
		SELECT unit_id AS "unitId", perspective, count(*)::int AS count
		FROM assessment_responses
		WHERE organizer_id = ${opts.organizerId} AND round_id = ${opts.roundId} AND submitted_at IS NOT NULL
		GROUP BY unit_id, perspective`);
	return rowsOf<{ unitId: string; perspective: string; count: number }>(result);
}

/** The agreed levels of every unit in a round. */
export async function fetchConsensus(db: Db, opts: { organizerId: string; roundId: string }) {
	const result = await db.execute(sql`
		SELECT unit_id AS "unitId", item_key AS "itemKey", level, special, evidence, note
		FROM assessment_consensus
		WHERE organizer_id = ${opts.organizerId} AND round_id = ${opts.roundId}`);
	return rowsOf<{ unitId: string; itemKey: string; level: number | null; special: string | null; evidence: string; note: string }>(result);
}

/** The units of a round with their names, in Swedish order. */
export async function fetchRoundUnits(db: Db, opts: { organizerId: string; roundId: string }) {
	const result = await db.execute(sql`
		SELECT u.id, u.name FROM assessment_round_units ru JOIN units u ON u.id = ru.unit_id AND u.organizer_id = ${opts.organizerId}
		WHERE ru.organizer_id = ${opts.organizerId} AND ru.round_id = ${opts.roundId}
		ORDER BY u.name_sort, u.id`);
	return rowsOf<{ id: string; name: string }>(result);
}
