// Covers: expandRange, isWorkingDay.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, expandRange, isWorkingDay, type WorkingCalendar } from './working-calendar';

const calendar = (overrides: Partial<WorkingCalendar> = {}): WorkingCalendar => ({ ...DEFAULT_CALENDAR, ...overrides });

describe('isWorkingDay', () => {
	it('counts an ordinary Monday to Friday as working days and the weekend as not', () => {
		const week = expandRange('2025-03-10', '2025-03-16').map((d) => isWorkingDay(DEFAULT_CALENDAR, d));
		expect(week).toEqual([true, true, true, true, true, false, false]);
	});

	it('treats public holidays that fall on a weekday as non-working', () => {
		for (const day of ['2025-01-06', '2025-04-18', '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-06', '2025-12-25', '2025-12-26']) {
			expect(isWorkingDay(DEFAULT_CALENDAR, day), day).toBe(false);
		}
	});

	it('treats midsommarafton, julafton and nyårsafton as non-working although the law does not list them', () => {
		for (const day of ['2025-06-20', '2025-12-24', '2025-12-31']) expect(isWorkingDay(DEFAULT_CALENDAR, day), day).toBe(false);
	});

	it('keeps the day before a holiday that is not an eve a working day', () => {
		expect(isWorkingDay(DEFAULT_CALENDAR, '2025-04-17')).toBe(true); // skärtorsdagen
		expect(isWorkingDay(DEFAULT_CALENDAR, '2025-05-30')).toBe(true); // klämdag after Kristi himmelsfärd
	});

	it("adds the organizer's own closed days", () => {
		const cal = calendar({ closedDays: ['2025-05-30'] });
		expect(isWorkingDay(cal, '2025-05-30')).toBe(false);
		expect(isWorkingDay(cal, '2025-05-28')).toBe(true);
	});

	it('counts lov days as non-working only when the calendar says so', () => {
		const lovDays = expandRange('2026-02-23', '2026-02-27'); // sportlov, week 9
		expect(lovDays.map((d) => isWorkingDay(calendar({ lovDays, countLov: false }), d))).toEqual([true, true, true, true, true]);
		expect(lovDays.map((d) => isWorkingDay(calendar({ lovDays, countLov: true }), d))).toEqual([false, false, false, false, false]);
	});

	it('refuses a date that does not exist and a calendar whose day ends before it starts', () => {
		expect(() => isWorkingDay(DEFAULT_CALENDAR, '2025-02-30')).toThrow(RangeError);
		expect(() => isWorkingDay(calendar({ workdayStart: '17:00', workdayEnd: '08:00' }), '2025-03-10')).toThrow(RangeError);
		expect(() => isWorkingDay(calendar({ workdayEnd: '24:00' }), '2025-03-10')).toThrow(RangeError);
		expect(() => isWorkingDay(calendar({ timeZone: 'Europe/Nowhere' }), '2025-03-10')).toThrow(RangeError);
		expect(() => isWorkingDay(calendar({ closedDays: ['30/5'] }), '2025-03-10')).toThrow(RangeError);
	});
});

describe('expandRange', () => {
	it('lists every date from the first to the last, both included, across a new year', () => {
		expect(expandRange('2025-12-30', '2026-01-02')).toEqual(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
	});

	it('handles the leap day', () => {
		expect(expandRange('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
	});

	it('gives one day for a one-day range and nothing for a reversed one', () => {
		expect(expandRange('2026-02-23', '2026-02-23')).toEqual(['2026-02-23']);
		expect(expandRange('2026-02-23', '2026-02-22')).toEqual([]);
	});

	it('refuses a malformed date and a range of more than ten years', () => {
		expect(() => expandRange('2026-2-23', '2026-03-01')).toThrow(RangeError);
		expect(() => expandRange('2000-01-01', '2020-01-01')).toThrow(RangeError);
	});
});
