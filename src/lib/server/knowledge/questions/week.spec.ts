// Covers: mondayOf, isMonday, addWeeks, weekNumber.
import { describe, expect, it } from 'vitest';
import { addWeeks, isMonday, mondayOf, weekNumber } from './week';

describe('weeks of the duty roster', () => {
	it('finds the Monday of any day, Sunday belonging to the week before', () => {
		expect(mondayOf('2026-12-03')).toBe('2026-11-30');
		expect(mondayOf('2026-11-30')).toBe('2026-11-30');
		expect(mondayOf('2026-12-06')).toBe('2026-11-30');
		expect(mondayOf('2027-01-01')).toBe('2026-12-28');
	});
	it('takes only real Mondays as weeks', () => {
		expect(isMonday('2026-11-30')).toBe(true);
		expect(isMonday('2026-12-01')).toBe(false);
		expect(isMonday('2026-02-30')).toBe(false);
		expect(isMonday('måndag')).toBe(false);
	});
	it('counts weeks forward across the new year, with ISO week numbers', () => {
		expect(addWeeks('2026-12-28', 1)).toBe('2027-01-04');
		expect(weekNumber('2026-11-30')).toBe(49);
		expect(weekNumber('2026-12-28')).toBe(53);
		expect(weekNumber('2027-01-04')).toBe(1);
	});
});
