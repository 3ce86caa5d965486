import { cellKey, suppressGroups, TOTAL, type SuppressionResult } from './suppress';
import type { StatRow } from './report-queries';

/** Row or column key of a stat row: null unit or perspective is a total. */
export const keyOf = (value: string | null) => value ?? TOTAL;

/**
 * The suppression of one sub-goal: the groups are unit × perspective with their submitted respondents
 * (only perspectives that answer some item of the sub-goal), and a group or perspective total is also
 * forced hidden when one of the sub-goal's items rests on 1…k−1 level answers in it (`thin`). The same
 * result applies to the sub-goal mean and every item mean in it, so no item can be subtracted from its
 * sub-goal.
 *
 * A unit's total over all perspectives is its *pooled* value (decision 028): only its sub-goal mean is
 * published (the drill-down hides a unit's item means where an item is thin), so it is forced hidden only
 * when no item of the sub-goal reaches k level answers in the unit (`thinPools`: fewer than k people gave
 * it a level). The hidden part of every shown total must itself be empty or reach k
 * (`protectRemainders`), so a pooled value never gives away its small perspectives together.
 */
export function suppressSubGoal(opts: {
	respondents: { unitId: string; perspective: string; count: number }[];
	perspectives: string[];
	thinRows: Pick<StatRow, 'unitId' | 'perspective' | 'thin'>[];
	/** Units whose pooled value rests on fewer than k level answers to every item (see fetchThinPools). */
	thinPools: Iterable<string>;
	threshold: number;
}): SuppressionResult {
	const answering = new Set(opts.perspectives);
	const forced = opts.thinRows
		.filter((r) => r.thin && !(r.unitId !== null && r.perspective === null))
		.map((r) => cellKey(keyOf(r.unitId), keyOf(r.perspective)));
	for (const unitId of opts.thinPools) forced.push(cellKey(unitId, TOTAL));
	return suppressGroups({
		cells: opts.respondents.filter((r) => answering.has(r.perspective)).map((r) => ({ row: r.unitId, col: r.perspective, count: r.count })),
		threshold: opts.threshold,
		forceHidden: forced,
		protectRemainders: true
	});
}

export { TOTAL };
