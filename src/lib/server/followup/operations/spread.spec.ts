// Covers: per100, spreadOf.
import { describe, expect, it } from 'vitest';
import { per100, spreadOf } from './spread';

describe('figures per 100 and the spread between units', () => {
	it('divides by the size per 100 with one decimal, and gives nothing for an unknown or empty size', () => {
		expect(per100(7, 350)).toBe(2);
		expect(per100(1, 3)).toBe(33.3);
		expect(per100(5, null)).toBeNull();
		expect(per100(5, 0)).toBeNull();
	});

	it('states lowest, median, highest, quartiles and the ratio of highest to lowest', () => {
		expect(spreadOf([4, 1, 2, 3])).toEqual({ n: 4, min: 1, q1: 1.8, median: 2.5, q3: 3.3, max: 4, ratio: 4, iqr: 1.5 });
		expect(spreadOf([0, 2, 5])).toMatchObject({ min: 0, median: 2, max: 5, ratio: null });
		expect(spreadOf([3])).toBeNull();
	});
});
