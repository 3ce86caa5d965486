// Covers: pastWeeks, allottedInWeek, flagOf, parseHours, hoursText, mondayOfInstant.
import { describe, expect, it } from 'vitest';
import { allottedInWeek, flagOf, hoursText, mondayOfInstant, parseHours, pastWeeks } from './capacity-rules';

describe('the weeks the capacity page compares', () => {
	it('takes the eight whole weeks before this one, oldest first, in Swedish time', () => {
		// Sunday 23:30 UTC on 2026-11-29 is already Monday 30 November in Stockholm.
		const weeks = pastWeeks(new Date('2026-11-29T23:30:00Z'));
		expect(weeks).toHaveLength(8);
		expect(weeks[0]).toBe('2026-10-05');
		expect(weeks[7]).toBe('2026-11-23');
		expect(mondayOfInstant(new Date('2026-11-29T22:30:00Z'))).toBe('2026-11-23');
	});
});

describe('how much of an allotment falls in a week', () => {
	const a = { minutesPerWeek: 420, validFrom: '2026-11-04', validTo: null };
	it('counts a whole week in full and a week it starts or ends in by its days', () => {
		expect(allottedInWeek(a, '2026-11-09')).toBe(420);
		expect(allottedInWeek(a, '2026-11-02')).toBe(300); // Wednesday to Sunday: 5 of 7 days
		expect(allottedInWeek({ ...a, validTo: '2026-11-10' }, '2026-11-09')).toBe(120);
		expect(allottedInWeek(a, '2026-10-26')).toBe(0);
	});
});

describe('the flag beside an assignment', () => {
	it('says overloaded above 120 %, unused below 40 %, and nothing to compare without an allotment', () => {
		expect(flagOf(600, 900)).toEqual({ share: 1.5, flag: 'overloaded' });
		expect(flagOf(600, 720).flag).toBe('within');
		expect(flagOf(600, 239).flag).toBe('unused');
		expect(flagOf(600, 240).flag).toBe('within');
		expect(flagOf(0, 120)).toEqual({ share: null, flag: 'none' });
	});
});

describe('hours as typed', () => {
	it('takes whole and decimal hours with a comma or a point, and nothing else', () => {
		expect(parseHours('4')).toBe(4);
		expect(parseHours(' 2,5 ')).toBe(2.5);
		expect(parseHours('1.25')).toBe(1.25);
		for (const bad of ['', 'fyra', '-2', '2,555', '1e3', '2 h']) expect(parseHours(bad)).toBeNull();
	});

	it('shows minutes back as hours in each language', () => {
		expect(hoursText(150)).toBe('2,5');
		expect(hoursText(150, 'en')).toBe('2.5');
		expect(hoursText(240)).toBe('4');
	});
});
