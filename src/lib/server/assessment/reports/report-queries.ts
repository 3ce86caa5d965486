import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { ALL_PERSPECTIVES } from './sub-goal-stats';
import { readTogether } from '../../db/read-together';

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
	const k = opts.threshold;
	// Reads the running sums (item-stats.ts), one row per unit × perspective × item, not every answer.
	// Sums are grouped straight to sub-goal level; the "thin" flags (some item resting on 1…k−1 level
	// answers) need item-level sums per grouping and come from a second, small query.
	// The two queries run side by side on two connections (PostgreSQL; PGlite runs them in turn).
	const [result, thinResult] = await readTogether(db, [
		() =>
			db.execute(sql`
			WITH m AS (SELECT key AS item_key, value AS group_key FROM jsonb_each_text(${map}::jsonb))
			SELECT s.unit_id AS "unitId", s.perspective, m.group_key AS "groupKey",
				sum(s.n)::int AS n, sum(s.sum)::int AS sum, sum(s.sum_sq)::int AS "sumSq",
				sum(s.dont_know)::int AS "dontKnow", sum(s.not_applicable)::int AS "notApplicable"
			FROM assessment_item_stats s JOIN m ON m.item_key = s.item_key
			WHERE s.organizer_id = ${opts.organizerId} AND s.round_id = ${opts.roundId}
			GROUP BY GROUPING SETS ((s.unit_id, s.perspective, m.group_key), (s.unit_id, m.group_key), (s.perspective, m.group_key), (m.group_key))`),
		() =>
			db.execute(sql`
			WITH m AS (SELECT key AS item_key, value AS group_key FROM jsonb_each_text(${map}::jsonb)),
			st AS (
				SELECT unit_id, perspective, item_key, n FROM assessment_item_stats
				WHERE organizer_id = ${opts.organizerId} AND round_id = ${opts.roundId}
			),
			items AS (
				SELECT unit_id, perspective, item_key, n FROM st
				UNION ALL SELECT unit_id, NULL, item_key, sum(n) FROM st GROUP BY unit_id, item_key
				UNION ALL SELECT NULL, perspective, item_key, sum(n) FROM st GROUP BY perspective, item_key
				UNION ALL SELECT NULL, NULL, item_key, sum(n) FROM st GROUP BY item_key
			)
			SELECT DISTINCT i.unit_id AS "unitId", i.perspective, m.group_key AS "groupKey"
			FROM items i JOIN m ON m.item_key = i.item_key
			WHERE i.n > 0 AND i.n < ${k}`)
	]);
	const thin = new Set(
		rowsOf<{ unitId: string | null; perspective: string | null; groupKey: string }>(thinResult).map(
			(r) => `${r.unitId}|${r.perspective}|${r.groupKey}`
		)
	);
	const rows = rowsOf<Omit<StatRow, 'thin'>>(result).map((r) => ({ ...r, thin: thin.has(`${r.unitId}|${r.perspective}|${r.groupKey}`) }));
	return rows;
}

/**
 * The roll-up per sub-goal from the sums kept at submission (sub-goal-stats.ts): the same rows as
 * `fetchGroupStats` with `groups` = item → sub-goal, without touching every item row. Unit × perspective
 * and unit totals are stored rows; perspective and organizer totals are summed here. Their "thin"
 * flags need per-item totals over all units, which a second small query (one row per perspective ×
 * item) gives. `groups` must map every item of the round to its sub-goal.
 */
export async function fetchSubGoalStats(
	db: Db,
	opts: { organizerId: string; roundId: string; groups: Record<string, string>; threshold: number }
): Promise<StatRow[]> {
	const k = opts.threshold;
	const scope = sql`organizer_id = ${opts.organizerId} AND round_id = ${opts.roundId}`;
	const [result, itemResult] = await readTogether(db, [
		() =>
			db.execute(sql`
			SELECT unit_id AS "unitId", NULLIF(perspective, ${ALL_PERSPECTIVES}) AS perspective, sub_goal_id AS "groupKey",
				n, sum, sum_sq AS "sumSq", dont_know AS "dontKnow", not_applicable AS "notApplicable", min_item_n < ${k} AS thin
			FROM assessment_sub_goal_stats WHERE ${scope}
			UNION ALL
			SELECT NULL, perspective, sub_goal_id, sum(n)::int, sum(sum)::int, sum(sum_sq)::int, sum(dont_know)::int, sum(not_applicable)::int, false
			FROM assessment_sub_goal_stats WHERE ${scope} AND perspective <> ${ALL_PERSPECTIVES}
			GROUP BY GROUPING SETS ((perspective, sub_goal_id), (sub_goal_id))`),
		() =>
			db.execute(sql`
			SELECT perspective, item_key AS "itemKey", sum(n)::int AS n FROM assessment_item_stats WHERE ${scope}
			GROUP BY perspective, item_key`)
	]);
	// Perspective and organizer totals per item; a total is thin when one of its items rests on 1…k−1 answers.
	const thin = new Set<string>();
	const itemTotals = new Map<string, number>();
	for (const { perspective, itemKey, n } of rowsOf<{ perspective: string; itemKey: string; n: number }>(itemResult)) {
		const group = opts.groups[itemKey];
		if (group === undefined) continue;
		if (n > 0 && n < k) thin.add(`${perspective}|${group}`);
		itemTotals.set(itemKey, (itemTotals.get(itemKey) ?? 0) + n);
	}
	for (const [itemKey, n] of itemTotals) if (n > 0 && n < k) thin.add(`null|${opts.groups[itemKey]}`);
	const rows = rowsOf<StatRow>(result);
	for (const r of rows) r.thin = r.unitId === null ? thin.has(`${r.perspective}|${r.groupKey}`) : r.thin === true;
	return rows;
}

/**
 * Per unit and group (sub-goal): whether its pooled value (all perspectives together) is thin, i.e. no
 * item of the group has k or more level answers in the unit, so fewer than k people can have given the
 * levels behind it (decision 028). Units with no level answers are not listed (nothing to hide).
 * `groups` maps each item key to its group (sub-goal id).
 */
export async function fetchThinPools(
	db: Db,
	opts: { organizerId: string; roundId: string; groups: Record<string, string>; threshold: number }
): Promise<{ unitId: string; groupKey: string }[]> {
	const result = await db.execute(sql`
		WITH m AS (SELECT key AS item_key, value AS group_key FROM jsonb_each_text(${JSON.stringify(opts.groups)}::jsonb)),
		per_item AS (
			SELECT s.unit_id, m.group_key, s.item_key, sum(s.n) AS n
			FROM assessment_item_stats s JOIN m ON m.item_key = s.item_key
			WHERE s.organizer_id = ${opts.organizerId} AND s.round_id = ${opts.roundId}
			GROUP BY s.unit_id, m.group_key, s.item_key
		)
		SELECT unit_id AS "unitId", group_key AS "groupKey" FROM per_item
		GROUP BY unit_id, group_key HAVING max(n) > 0 AND max(n) < ${opts.threshold}`);
	return rowsOf<{ unitId: string; groupKey: string }>(result);
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
