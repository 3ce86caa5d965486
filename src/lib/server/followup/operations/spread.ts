/** Figures per 100 and the spread between units ("likvärdighet"): pure functions, tested beside. */

/** A count per 100 of a size, one decimal; null when the size is unknown or zero. */
export function per100(count: number, size: number | null | undefined): number | null {
	if (size === null || size === undefined || size <= 0) return null;
	return Math.round((count * 1000) / size) / 10;
}

/** The spread of one figure over units: lowest, median, highest, the quartiles, and highest / lowest. */
export type Spread = {
	n: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
	/** max / min; null when the lowest is 0 (a ratio to nothing says nothing). */
	ratio: number | null;
	/** q3 − q1. */
	iqr: number;
};

/** Linear-interpolation quantile of a sorted list (the common "type 7"), so four units give real quartiles. */
function quantile(sorted: number[], p: number): number {
	const pos = (sorted.length - 1) * p;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The spread of the given values; null with fewer than two (one unit has no spread). */
export function spreadOf(values: number[]): Spread | null {
	if (values.length < 2) return null;
	const s = [...values].sort((a, b) => a - b);
	const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => round1(quantile(s, p)));
	const min = s[0];
	const max = s[s.length - 1];
	return { n: s.length, min, q1, median, q3, max, ratio: min > 0 ? round1(max / min) : null, iqr: round1(q3 - q1) };
}
