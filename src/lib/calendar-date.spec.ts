// Covers: isIsoDate, nextIsoDate, startOfStockholmDay.
import { describe, expect, it } from 'vitest';
import { isIsoDate, nextIsoDate, startOfStockholmDay } from './calendar-date';

describe('calendar dates', () => {
	it('accept real dates written YYYY-MM-DD', () => {
		expect(isIsoDate('2026-11-23')).toBe(true);
		expect(isIsoDate('2024-02-29')).toBe(true);
	});

	it('refuse impossible dates, other formats and absurd years', () => {
		for (const v of [
			'2026-02-30',
			'2025-02-29',
			'2026-13-01',
			'23/11/2026',
			'2026-1-5',
			'20261123',
			'',
			'0001-01-01',
			"2026-01-01' or 1=1"
		]) {
			expect(isIsoDate(v), v).toBe(false);
		}
	});

	it('start a winter day at 23:00 UTC and a summer day at 22:00 UTC the evening before', () => {
		expect(startOfStockholmDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
		expect(startOfStockholmDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
	});

	it('start the days the clocks change at local midnight', () => {
		expect(startOfStockholmDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
		expect(startOfStockholmDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
		expect(startOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
		expect(startOfStockholmDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
	});

	it('step to the next day across month and year ends', () => {
		expect(nextIsoDate('2026-12-31')).toBe('2027-01-01');
		expect(nextIsoDate('2024-02-28')).toBe('2024-02-29');
	});
});
