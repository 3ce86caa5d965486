// Covers: expandRange, isWorkingDay, addWorkingMinutes, workingMinutesBetween.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, expandRange, isWorkingDay, type WorkingCalendar } from './working-calendar';
import { addWorkingMinutes, workingMinutesBetween } from './working-minutes';

const cal = DEFAULT_CALENDAR;
const at = (iso: string) => new Date(iso);
const stockholm = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Stockholm',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});
/** Local wall time as 'YYYY-MM-DD HH:MM:SS', read independently of the code under test. */
const local = (d: Date) => stockholm.format(d);

describe('workingMinutesBetween', () => {
	it('counts the minutes inside one working day', () => {
		expect(workingMinutesBetween(cal, at('2025-03-11T10:00+01:00'), at('2025-03-11T12:30+01:00'))).toBe(150);
	});

	it('skips the night and time outside working hours', () => {
		expect(workingMinutesBetween(cal, at('2025-03-11T16:00+01:00'), at('2025-03-12T09:00+01:00'))).toBe(120);
		expect(workingMinutesBetween(cal, at('2025-03-11T18:00+01:00'), at('2025-03-12T07:00+01:00'))).toBe(0);
	});

	it('gives zero when the end is not after the start', () => {
		expect(workingMinutesBetween(cal, at('2025-03-12T10:00+01:00'), at('2025-03-11T10:00+01:00'))).toBe(0);
	});

	it('counts nine hours for a whole working week day and 45 hours for a plain week', () => {
		expect(workingMinutesBetween(cal, at('2025-03-10T00:00+01:00'), at('2025-03-17T00:00+01:00'))).toBe(45 * 60);
	});

	it('counts the same nine-hour days in the weeks the clocks change', () => {
		expect(workingMinutesBetween(cal, at('2025-03-24T00:00+01:00'), at('2025-03-31T00:00+02:00'))).toBe(45 * 60);
		expect(workingMinutesBetween(cal, at('2025-10-20T00:00+02:00'), at('2025-10-27T00:00+01:00'))).toBe(45 * 60);
	});
});

describe('addWorkingMinutes', () => {
	it('makes a case filed Friday 16:00 with four working hours due Monday 11:00', () => {
		const due = addWorkingMinutes(cal, at('2025-03-14T16:00+01:00'), 240);
		expect(local(due)).toBe('2025-03-17 11:00:00');
	});

	it('jumps over Easter: filed on skärtorsdagen 15:00 with four hours, due Tuesday 10:00', () => {
		const filed = at('2025-04-17T15:00+02:00');
		const due = addWorkingMinutes(cal, filed, 240);
		expect(local(due)).toBe('2025-04-22 10:00:00');
		expect(workingMinutesBetween(cal, filed, due)).toBe(240);
	});

	it('jumps over midsommarafton', () => {
		expect(local(addWorkingMinutes(cal, at('2025-06-19T16:00+02:00'), 120))).toBe('2025-06-23 09:00:00');
	});

	it('keeps working hours in local time across both daylight saving changes', () => {
		expect(local(addWorkingMinutes(cal, at('2025-03-28T16:00+01:00'), 120))).toBe('2025-03-31 09:00:00');
		expect(local(addWorkingMinutes(cal, at('2025-10-24T16:00+02:00'), 120))).toBe('2025-10-27 09:00:00');
	});

	it('starts a case filed outside working hours at the next opening', () => {
		expect(local(addWorkingMinutes(cal, at('2025-03-15T12:00+01:00'), 30))).toBe('2025-03-17 08:30:00');
	});

	it('ends a deadline that runs out at closing time at closing time, not the next morning', () => {
		expect(local(addWorkingMinutes(cal, at('2025-03-11T16:00+01:00'), 60))).toBe('2025-03-11 17:00:00');
	});

	it('skips lov when the calendar counts it', () => {
		const withLov: WorkingCalendar = { ...cal, lovDays: expandRange('2026-02-23', '2026-02-27'), countLov: true };
		expect(local(addWorkingMinutes(withLov, at('2026-02-20T16:00+01:00'), 120))).toBe('2026-03-02 09:00:00');
		expect(local(addWorkingMinutes(cal, at('2026-02-20T16:00+01:00'), 120))).toBe('2026-02-23 09:00:00');
	});

	it('gives back the start for zero minutes and refuses negative minutes', () => {
		const start = at('2025-03-15T12:00+01:00');
		expect(addWorkingMinutes(cal, start, 0)).toEqual(start);
		expect(() => addWorkingMinutes(cal, start, -1)).toThrow(RangeError);
	});
});

describe('working time as a measure', () => {
	// A small seeded generator, so failures can be reproduced.
	let seed = 20260101;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const base = at('2024-01-01T00:00Z').getTime();
	const cases = Array.from({ length: 400 }, () => ({
		start: new Date(base + Math.floor(random() * 3 * 365 * 86_400_000)),
		minutes: Math.floor(random() * 30_000)
	}));

	it('measures back exactly the minutes that were added, and the deadline lies in working hours', () => {
		for (const { start, minutes } of cases) {
			const due = addWorkingMinutes(cal, start, minutes);
			expect(workingMinutesBetween(cal, start, due)).toBe(minutes);
			if (minutes === 0) continue;
			const [day, time] = local(due).split(' ');
			expect(isWorkingDay(cal, day)).toBe(true);
			expect(time > '08:00:00' && time <= '17:00:00').toBe(true);
		}
	});

	it('adds up: the time from a to c is the time from a to b plus from b to c', () => {
		for (let i = 0; i + 2 < cases.length; i += 3) {
			const [a, b, c] = [cases[i].start, cases[i + 1].start, cases[i + 2].start].sort((x, y) => x.getTime() - y.getTime());
			expect(workingMinutesBetween(cal, a, c)).toBeCloseTo(workingMinutesBetween(cal, a, b) + workingMinutesBetween(cal, b, c), 6);
		}
	});

	it('measures ten thousand year-long spans quickly', () => {
		const started = performance.now();
		for (let i = 0; i < 10_000; i++) {
			const from = new Date(base + i * 3_600_000);
			workingMinutesBetween(cal, from, new Date(from.getTime() + 365 * 86_400_000));
		}
		expect(performance.now() - started).toBeLessThan(5000);
	});
});
