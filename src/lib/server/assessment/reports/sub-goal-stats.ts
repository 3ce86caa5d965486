import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { getRoundItems } from '../rounds/round-items';
import { markRoundFiguresChanged } from './round-figures/mark-round-figures-changed';

/** The perspective of a sub-goal stats row that holds a unit's figures over all perspectives. */
export const ALL_PERSPECTIVES = '*';

/** Item key → sub-goal id for every item of a round (framework items and the organizer's own). */
export async function roundSubGoalMap(db: Db, roundId: string): Promise<Record<string, string>> {
	const [round] = await db
		.select({ id: assessmentRounds.id, frameworkKey: assessmentRounds.frameworkKey, frameworkVersion: assessmentRounds.frameworkVersion })
		.from(assessmentRounds)
		.where(eq(assessmentRounds.id, roundId));
	if (!round) return {};
	const { items } = await getRoundItems(db, round);
	return Object.fromEntries(items.map((i) => [i.key, i.subGoalId]));
}

/**
 * Rebuilds the sub-goal sums of a round, or of one unit in it, from the per-item running sums
 * (assessment_item_stats): one row per unit × perspective × sub-goal and one per unit × sub-goal over
 * all perspectives (ALL_PERSPECTIVES), each with the smallest positive item n for the anonymity rule.
 * Items outside the round's sub-goals are left out, as the report always did.
 */
export async function rebuildSubGoalStats(
	tx: Db,
	opts: { roundId: string; unitId?: string; subGoals?: Record<string, string> }
): Promise<void> {
	const map = JSON.stringify(opts.subGoals ?? (await roundSubGoalMap(tx, opts.roundId)));
	const unitFilter = opts.unitId ? sql`AND unit_id = ${opts.unitId}` : sql``;
	await markRoundFiguresChanged(tx, opts.roundId);
	await tx.execute(sql`DELETE FROM assessment_sub_goal_stats WHERE round_id = ${opts.roundId} ${unitFilter}`);
	await tx.execute(sql`
		INSERT INTO assessment_sub_goal_stats (round_id, unit_id, perspective, sub_goal_id, organizer_id, n, sum, sum_sq, dont_know, not_applicable, min_item_n)
		WITH m AS (SELECT key AS item_key, value AS sub_goal_id FROM jsonb_each_text(${map}::jsonb)),
		s AS (
			SELECT st.round_id, st.unit_id, st.perspective, st.item_key, m.sub_goal_id, st.organizer_id, st.n, st.sum, st.sum_sq, st.dont_know, st.not_applicable
			FROM assessment_item_stats st JOIN m ON m.item_key = st.item_key
			WHERE st.round_id = ${opts.roundId} ${unitFilter}
		),
		items AS (
			SELECT round_id, unit_id, perspective, item_key, sub_goal_id, organizer_id, n::bigint, sum::bigint, sum_sq::bigint, dont_know::bigint, not_applicable::bigint FROM s
			UNION ALL
			SELECT round_id, unit_id, ${ALL_PERSPECTIVES}, item_key, sub_goal_id, organizer_id, sum(n), sum(sum), sum(sum_sq), sum(dont_know), sum(not_applicable)
			FROM s GROUP BY round_id, unit_id, item_key, sub_goal_id, organizer_id
		)
		SELECT round_id, unit_id, perspective, sub_goal_id, organizer_id,
			sum(n), sum(sum), sum(sum_sq), sum(dont_know), sum(not_applicable), min(n) FILTER (WHERE n > 0)
		FROM items
		GROUP BY round_id, unit_id, perspective, sub_goal_id, organizer_id`);
}
