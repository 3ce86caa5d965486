// Covers: bucketTrend.
import { describe, expect, it } from 'vitest';
import { bucketTrend, type MonthSums } from './trend-buckets';

const month = (m: string, o: Partial<MonthSums> = {}): MonthSums => ({
	month: m,
	cases: 1,
	minutesLost: 60,
	sizedMinutesLost: 60,
	classified: 0,
	userErrors: 0,
	slaMeasured: 0,
	slaBreached: 0,
	...o
});

describe('trend buckets by month, term and school year', () => {
	const months = [month('2025-06-01'), month('2025-07-01'), month('2025-12-01', { cases: 2 }), month('2026-01-01', { cases: 3 })];
	const range = { from: '2025-06-01', to: '2026-02-01' };

	it('keeps empty months and splits terms at 1 January and 1 July', () => {
		expect(bucketTrend(months, 'month', new Map(), range).map((p) => [p.key, p.cases])).toEqual([
			['2025-06', 1],
			['2025-07', 1],
			['2025-08', 0],
			['2025-09', 0],
			['2025-10', 0],
			['2025-11', 0],
			['2025-12', 2],
			['2026-01', 3]
		]);
		expect(bucketTrend(months, 'term', new Map(), range).map((p) => [p.key, p.cases])).toEqual([
			['VT 2025', 1],
			['HT 2025', 3],
			['VT 2026', 3]
		]);
		expect(bucketTrend(months, 'year', new Map(), range).map((p) => [p.key, p.cases])).toEqual([
			['2024/25', 1],
			['2025/26', 6]
		]);
	});

	it('gives lost lessons per 100 students only for years with students entered', () => {
		const points = bucketTrend(months, 'year', new Map([['2025/26', 200]]), range);
		expect(points[0].lessonsLostPer100Students).toBeNull();
		// Three months with an hour lost each at sized units, 200 students: 1.5 lessons per 100.
		expect(points[1]).toMatchObject({ lessonsLost: 3, lessonsLostPer100Students: 1.5 });
	});
});
