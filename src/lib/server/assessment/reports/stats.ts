import type { CellSums } from './report-queries';

/** Why a cell carries no figures: the round is open, the group is under the threshold, or it protects another hidden group. */
export type HiddenWhy = 'closed' | 'few' | 'protect';

/** A shown or hidden figure: mean level, spread and the answers behind it. */
export type CellFigure = {
	/** Has figures to show. */
	shown: boolean;
	/** Has respondents but is hidden by the anonymity rule (mark it, never omit it silently). */
	suppressed: boolean;
	/** Null when hidden or when nobody chose a level. */
	mean: number | null;
	/** Standard deviation of the level answers (population). */
	sd: number | null;
	n: number;
	dontKnow: number;
	notApplicable: number;
	/** Why a suppressed cell is hidden (set by the organizer report). */
	why?: HiddenWhy;
};

/** Mean and spread of a cell; suppressed cells carry no numbers at all. */
export function figure(sums: CellSums | undefined, suppressed: boolean): CellFigure {
	if (suppressed || !sums) return { shown: false, suppressed, mean: null, sd: null, n: 0, dontKnow: 0, notApplicable: 0 };
	const shown = true;
	const mean = sums.n > 0 ? sums.sum / sums.n : null;
	const sd = mean === null ? null : Math.sqrt(Math.max(0, sums.sumSq / sums.n - mean * mean));
	return { shown, suppressed, mean, sd, n: sums.n, dontKnow: sums.dontKnow, notApplicable: sums.notApplicable };
}

/** Likvärdighet for one sub-goal: how far apart the units' means are. */
export type Equity = { units: number; min: number; max: number; range: number; sd: number; shareBelow2: number } | null;

/**
 * Spread between unit means (only units whose figure is shown): range (max − min), standard deviation
 * (population) and the share of units whose mean is below level 2. Null with fewer than two units.
 */
export function equity(unitMeans: number[]): Equity {
	if (unitMeans.length < 2) return null;
	const mean = unitMeans.reduce((a, b) => a + b, 0) / unitMeans.length;
	const sd = Math.sqrt(unitMeans.reduce((a, b) => a + (b - mean) ** 2, 0) / unitMeans.length);
	const min = Math.min(...unitMeans);
	const max = Math.max(...unitMeans);
	return { units: unitMeans.length, min, max, range: max - min, sd, shareBelow2: unitMeans.filter((m) => m < 2).length / unitMeans.length };
}

/** The smallest change in mean level we mark at all, in steps of the scale. */
export const MIN_CHANGE = 0.5;

/**
 * Whether a change between two rounds is larger than the noise: both figures shown, the difference of
 * means at least MIN_CHANGE steps, and larger than twice its standard error
 * (√(sd₁²/n₁ + sd₂²/n₂), n = level answers).
 */
export function isRealChange(before: CellFigure | undefined, after: CellFigure | undefined): boolean {
	if (!before?.shown || !after?.shown || before.mean === null || after.mean === null) return false;
	if (before.n < 2 || after.n < 2) return false;
	const diff = after.mean - before.mean;
	if (Math.abs(diff) < MIN_CHANGE) return false;
	const se = Math.sqrt((before.sd ?? 0) ** 2 / before.n + (after.sd ?? 0) ** 2 / after.n);
	return Math.abs(diff) > 2 * se;
}
