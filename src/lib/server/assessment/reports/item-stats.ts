import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rebuildSubGoalStats } from './sub-goal-stats';
import { rowsOf } from '../../db/rows';

/**
 * Adds one just-submitted response to the running sums per item, then rebuilds its unit's sums per
 * sub-goal (sub-goal-stats.ts). Call it in the transaction that sets submitted_at, and only then: a
 * response is counted exactly once. Submissions for the same round and unit take turns (a row lock
 * on the round's unit) so each rebuild sees the item sums of every submission committed before it.
 */
export async function addResponseToItemStats(tx: Db, responseId: string): Promise<void> {
	const found = await tx.execute(sql`
		SELECT round_id AS "roundId", unit_id AS "unitId" FROM assessment_responses WHERE id = ${responseId} AND submitted_at IS NOT NULL`);
	const [scope] = rowsOf<{ roundId: string; unitId: string }>(found);
	if (!scope) return;
	await tx.execute(sql`
		SELECT 1 FROM assessment_round_units WHERE round_id = ${scope.roundId} AND unit_id = ${scope.unitId} FOR NO KEY UPDATE`);
	await tx.execute(sql`
		INSERT INTO assessment_item_stats AS s (round_id, unit_id, perspective, item_key, organizer_id, n, sum, sum_sq, dont_know, not_applicable)
		SELECT r.round_id, r.unit_id, r.perspective, a.item_key, r.organizer_id,
			count(a.level), coalesce(sum(a.level), 0), coalesce(sum(a.level * a.level), 0),
			count(*) FILTER (WHERE a.special = 'dont_know'), count(*) FILTER (WHERE a.special = 'not_applicable')
		FROM assessment_responses r JOIN assessment_answers a ON a.response_id = r.id
		WHERE r.id = ${responseId} AND r.submitted_at IS NOT NULL
		GROUP BY r.round_id, r.unit_id, r.perspective, a.item_key, r.organizer_id
		ON CONFLICT (round_id, unit_id, perspective, item_key) DO UPDATE SET
			n = s.n + excluded.n, sum = s.sum + excluded.sum, sum_sq = s.sum_sq + excluded.sum_sq,
			dont_know = s.dont_know + excluded.dont_know, not_applicable = s.not_applicable + excluded.not_applicable`);
	await rebuildSubGoalStats(tx, scope);
}

/** Recomputes a round's sums per item and per sub-goal from its submitted answers (bulk loads: demo data, benchmarks, repairs). */
export async function rebuildItemStats(tx: Db, roundId: string): Promise<void> {
	await tx.execute(sql`DELETE FROM assessment_item_stats WHERE round_id = ${roundId}`);
	await tx.execute(sql`
		INSERT INTO assessment_item_stats (round_id, unit_id, perspective, item_key, organizer_id, n, sum, sum_sq, dont_know, not_applicable)
		SELECT r.round_id, r.unit_id, r.perspective, a.item_key, r.organizer_id,
			count(a.level), coalesce(sum(a.level), 0), coalesce(sum(a.level * a.level), 0),
			count(*) FILTER (WHERE a.special = 'dont_know'), count(*) FILTER (WHERE a.special = 'not_applicable')
		FROM assessment_responses r JOIN assessment_answers a ON a.response_id = r.id
		WHERE r.round_id = ${roundId} AND r.submitted_at IS NOT NULL
		GROUP BY r.round_id, r.unit_id, r.perspective, a.item_key, r.organizer_id`);
	await rebuildSubGoalStats(tx, { roundId });
}
