import { cellKey, suppressGroups, TOTAL, type SuppressionResult } from './suppress';
import type { StatRow } from './report-queries';

/** Row or column key of a stat row: null unit or perspective is a total. */
export const keyOf = (value: string | null) => value ?? TOTAL;

/**
 * The suppression of one sub-goal: the groups are unit × perspective with their submitted respondents
 * (only perspectives that answer some item of the sub-goal), and a group or total is also forced hidden
 * when one of the sub-goal's items rests on 1…k−1 level answers in it (`thin`). The same result applies
 * to the sub-goal mean and every item mean in it, so no item can be subtracted from its sub-goal.
 */
export function suppressSubGoal(opts: {
	respondents: { unitId: string; perspective: string; count: number }[];
	perspectives: string[];
	thinRows: Pick<StatRow, 'unitId' | 'perspective' | 'thin'>[];
	threshold: number;
}): SuppressionResult {
	const answering = new Set(opts.perspectives);
	return suppressGroups({
		cells: opts.respondents.filter((r) => answering.has(r.perspective)).map((r) => ({ row: r.unitId, col: r.perspective, count: r.count })),
		threshold: opts.threshold,
		forceHidden: opts.thinRows.filter((r) => r.thin).map((r) => cellKey(keyOf(r.unitId), keyOf(r.perspective)))
	});
}

export { TOTAL };
