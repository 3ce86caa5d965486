import type { Db } from '../../db';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { getRoundItems } from '../rounds/round-items';
import { fetchConsensus, fetchGroupStats, fetchRespondentCounts, fetchRoundUnits, fetchThinPools } from './report-queries';
import { figure, type CellFigure } from './stats';
import { cellKey, TOTAL } from './suppress';
import { keyOf, suppressSubGoal } from './suppress-round';
import { roundStatus } from '../rounds/round-status';
import { answersPublished } from '../consensus/samsyn-visibility';
import { readTogether } from '../../db/read-together';

export type SubGoalItemReport = {
	key: string;
	statement: { sv: string; en: string };
	/** Organizer totals per perspective and over all (TOTAL). */
	organizer: Record<string, CellFigure>;
	/** Per unit, all perspectives together. */
	units: Record<string, CellFigure>;
	/** How many units agreed on each level (1–4) or a non-level answer. */
	consensus: Record<string, number>;
};

/**
 * One sub-goal of a round item by item: organizer means per perspective, each unit's mean and the
 * spread of the units' agreed levels. The same suppression as the sub-goal in the organizer report.
 */
export async function computeSubGoalReport(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; subGoalId: string }) {
	authorize(opts.actor, 'assessment.organizer_report', { type: 'organizer', organizerId: opts.organizerId });
	const round = await getRound(db, { organizerId: opts.organizerId, roundId: opts.roundId });
	const { subGoals } = await getRoundItems(db, round);
	const sg = subGoals.find((s) => s.id === opts.subGoalId);
	if (!sg) throw new AppError('NOT_FOUND', 'sub_goal');
	const scope = { organizerId: opts.organizerId, roundId: round.id };
	const groups = Object.fromEntries(sg.items.map((i) => [i.key, i.key]));
	const [units, respondents, rows, consensusRows, pools] = await readTogether(db, [
		() => fetchRoundUnits(db, scope),
		() => fetchRespondentCounts(db, scope),
		() => fetchGroupStats(db, { ...scope, groups, threshold: round.anonymityThreshold }),
		() => fetchConsensus(db, scope),
		() =>
			fetchThinPools(db, { ...scope, groups: Object.fromEntries(sg.items.map((i) => [i.key, sg.id])), threshold: round.anonymityThreshold })
	]);
	const perspectives = round.perspectives.filter((p) => sg.items.some((i) => (i.perspectives as string[]).includes(p)));
	const thinPools = pools.map((p) => p.unitId);
	const suppression = suppressSubGoal({ respondents, perspectives, thinRows: rows, thinPools, threshold: round.anonymityThreshold });
	// A unit's pooled sub-goal value may be shown while one of its items rests on 1…k−1 answers (decision 028):
	// then none of that unit's item means is shown, so no item can be subtracted from the pooled value.
	const thinUnits = new Set(rows.filter((r) => r.thin && r.unitId !== null && r.perspective === null).map((r) => r.unitId!));
	const sums = new Map(rows.map((r) => [`${r.groupKey}\u0001${cellKey(keyOf(r.unitId), keyOf(r.perspective))}`, r]));
	// Nothing before the close (decision 014), the same rule as the organizer report.
	const published = answersPublished(roundStatus(round));
	const at = (item: string, row: string, col: string) =>
		figure(sums.get(`${item}\u0001${cellKey(row, col)}`), !published || suppression.hidden.has(cellKey(row, col)) || thinUnits.has(row));
	const items: SubGoalItemReport[] = sg.items.map((item) => {
		const consensus: Record<string, number> = {};
		for (const c of consensusRows)
			if (c.itemKey === item.key) consensus[c.level ?? c.special ?? ''] = (consensus[c.level ?? c.special ?? ''] ?? 0) + 1;
		return {
			key: item.key,
			statement: item.statement,
			organizer: Object.fromEntries([...round.perspectives, TOTAL].map((p) => [p, at(item.key, TOTAL, p)])),
			units: Object.fromEntries(units.map((u) => [u.id, at(item.key, u.id, TOTAL)])),
			consensus
		};
	});
	return {
		round: { id: round.id, name: round.name, threshold: round.anonymityThreshold, published },
		subGoal: { id: sg.id, title: sg.title },
		perspectives: round.perspectives,
		units,
		items
	};
}
