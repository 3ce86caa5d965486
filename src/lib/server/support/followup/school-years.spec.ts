// Covers: percentiles, recentSchoolYears, schoolYearOf, termOf.
import { describe, expect, it } from 'vitest';
import { percentiles, recentSchoolYears, schoolYearOf, termOf } from './school-years';

describe('school years and percentiles for the follow-up page', () => {
	it('puts August and June in the same school year, July in the next', () => {
		expect(schoolYearOf('2025-08-20')).toEqual({ key: '2025/26', from: '2025-07-01', to: '2026-07-01' });
		expect(schoolYearOf('2026-06-30').key).toBe('2025/26');
		expect(schoolYearOf('2026-07-01').key).toBe('2026/27');
		expect(recentSchoolYears('2026-11-23', 2).map((y) => y.key)).toEqual(['2026/27', '2025/26']);
	});

	it('takes the nearest-rank median and 90th percentile', () => {
		expect(percentiles([])).toEqual({ median: null, p90: null, n: 0 });
		expect(percentiles([5, 1, 3])).toEqual({ median: 3, p90: 5, n: 3 });
		expect(percentiles(Array.from({ length: 10 }, (_, i) => i + 1))).toMatchObject({ median: 5, p90: 9 });
	});

	it('puts December in the autumn term and January in the spring term of the next calendar year', () => {
		expect(termOf('2025-12-31')).toEqual({ key: 'HT 2025', from: '2025-07-01', to: '2026-01-01' });
		expect(termOf('2026-01-01')).toEqual({ key: 'VT 2026', from: '2026-01-01', to: '2026-07-01' });
		expect(termOf('2026-07-01').key).toBe('HT 2026');
	});
});
