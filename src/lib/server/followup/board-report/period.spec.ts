import { describe, expect, it } from 'vitest';
import { checkPeriod, dayAfter, defaultTerm, recentTerms, termOf } from './period';

describe('board report periods', () => {
	it('puts autumn days in HT and spring days in VT', () => {
		expect(termOf('2026-10-03')).toEqual({ from: '2026-08-01', to: '2026-12-31', label: 'HT 2026' });
		expect(termOf('2027-02-14')).toEqual({ from: '2027-01-01', to: '2027-06-30', label: 'VT 2027' });
	});

	it('defaults to the term just ended until a new term has run a month', () => {
		expect(defaultTerm('2027-01-10').label).toBe('HT 2026');
		expect(defaultTerm('2026-12-03').label).toBe('HT 2026');
		expect(defaultTerm('2026-07-15').label).toBe('VT 2026');
		expect(defaultTerm('2026-08-20').label).toBe('VT 2026');
	});

	it('lists recent terms newest first', () => {
		expect(recentTerms('2026-12-03', 3).map((t) => t.label)).toEqual(['HT 2026', 'VT 2026', 'HT 2025']);
	});

	it('refuses a period that ends before it starts, on the end field', () => {
		expect(checkPeriod('2026-12-31', '2026-08-01')).toEqual({ issues: [{ field: 'to', code: 'ends_before_start' }] });
	});

	it('refuses absurd lengths and dates that do not exist', () => {
		expect(checkPeriod('2000-01-01', '2026-12-31')).toEqual({ issues: [{ field: 'to', code: 'too_long' }] });
		expect(checkPeriod('2026-02-30', 'x')).toEqual({
			issues: [
				{ field: 'from', code: 'invalid_date' },
				{ field: 'to', code: 'invalid_date' }
			]
		});
	});

	it('labels a whole term by its name and other periods by their dates', () => {
		expect(checkPeriod('2026-08-01', '2026-12-31')).toEqual({ period: { from: '2026-08-01', to: '2026-12-31', label: 'HT 2026' } });
		expect(checkPeriod('2026-09-01', '2026-09-30')).toEqual({
			period: { from: '2026-09-01', to: '2026-09-30', label: '2026-09-01 – 2026-09-30' }
		});
		expect(dayAfter('2026-12-31')).toBe('2027-01-01');
	});
});
