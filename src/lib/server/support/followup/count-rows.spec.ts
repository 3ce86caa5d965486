// Covers: splitPeriod (which days the kept monthly counts answer and which are counted from the cases, decision 075).
import { describe, expect, it } from 'vitest';
import { splitPeriod } from './count-rows';

describe('splitting a follow-up period into whole months and days', () => {
	it('answers whole months from the kept counts', () => {
		expect(splitPeriod('2025-07-01', '2026-07-01')).toEqual({ months: { from: '2025-07-01', to: '2026-07-01' }, days: [] });
		expect(splitPeriod('2025-12-01', '2026-01-01')).toEqual({ months: { from: '2025-12-01', to: '2026-01-01' }, days: [] });
	});

	it('counts the days before the first and after the last whole month from the cases', () => {
		expect(splitPeriod('2025-08-15', '2025-12-20')).toEqual({
			months: { from: '2025-09-01', to: '2025-12-01' },
			days: [
				{ from: '2025-08-15', to: '2025-09-01' },
				{ from: '2025-12-01', to: '2025-12-20' }
			]
		});
		expect(splitPeriod('2025-12-15', '2026-02-01')).toEqual({
			months: { from: '2026-01-01', to: '2026-02-01' },
			days: [{ from: '2025-12-15', to: '2026-01-01' }]
		});
	});

	it('reads a period inside one month, or across a month end without a whole month, from the cases', () => {
		expect(splitPeriod('2025-08-15', '2025-08-20')).toEqual({ months: null, days: [{ from: '2025-08-15', to: '2025-08-20' }] });
		expect(splitPeriod('2025-08-15', '2025-09-10')).toEqual({ months: null, days: [{ from: '2025-08-15', to: '2025-09-10' }] });
		expect(splitPeriod('2025-08-15', '2025-08-15')).toEqual({ months: null, days: [] });
	});
});
