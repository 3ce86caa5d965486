// Covers: equity, figure, isRealChange.
import { describe, expect, it } from 'vitest';
import { equity, figure, isRealChange } from './stats';

const fig = (mean: number, sd: number, n: number) => ({ shown: true, suppressed: false, mean, sd, n, dontKnow: 0, notApplicable: 0 });

describe('isRealChange', () => {
	it('marks a large change with many answers', () => {
		expect(isRealChange(fig(2, 0.8, 60), fig(2.8, 0.8, 60))).toBe(true);
		expect(isRealChange(fig(3, 0.8, 60), fig(2.2, 0.8, 60))).toBe(true);
	});
	it('does not mark a change below half a step, however certain', () => {
		expect(isRealChange(fig(2, 0.1, 1000), fig(2.4, 0.1, 1000))).toBe(false);
	});
	it('does not mark a large change that is within twice its standard error', () => {
		// se = √(1.2²/6 + 1.2²/6) ≈ 0.69; 2·se ≈ 1.39 > 1.0
		expect(isRealChange(fig(2, 1.2, 6), fig(3, 1.2, 6))).toBe(false);
	});
	it('never marks a change when either side is hidden or missing', () => {
		const hidden = { ...fig(1, 0, 50), shown: false, suppressed: true, mean: null };
		expect(isRealChange(hidden, fig(3, 0.5, 50))).toBe(false);
		expect(isRealChange(undefined, fig(3, 0.5, 50))).toBe(false);
	});
});

describe('figure and equity', () => {
	it('computes mean and population standard deviation from sums', () => {
		const f = figure({ n: 4, sum: 10, sumSq: 30, dontKnow: 1, notApplicable: 0 }, false);
		expect(f).toMatchObject({ shown: true, mean: 2.5, n: 4, dontKnow: 1 });
		expect(f.sd).toBeCloseTo(Math.sqrt(1.25));
	});
	it('gives no numbers for a suppressed cell', () => {
		expect(figure({ n: 4, sum: 10, sumSq: 30, dontKnow: 0, notApplicable: 0 }, true)).toMatchObject({
			shown: false,
			suppressed: true,
			mean: null,
			n: 0
		});
	});
	it('measures the spread between unit means', () => {
		expect(equity([1.5, 2.5, 3.5])).toMatchObject({ units: 3, min: 1.5, max: 3.5, range: 2, shareBelow2: 1 / 3 });
		expect(equity([2])).toBeNull();
	});
});
