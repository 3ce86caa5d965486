// Covers: dayLoad, demoCalendarDays, isoWeek, isoWeekMonday, lovPeriods, schoolYearOf.
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../support/sla/days';
import { dayLoad, demoCalendarDays, isoWeek, isoWeekMonday, lovPeriods, schoolYearOf } from './school-calendar';

const span = (days: number[]) => [formatDay(days[0]), formatDay(days[days.length - 1])];

describe('the demo school calendar', () => {
	it('finds ISO weeks, including a week 1 that starts in December', () => {
		expect(formatDay(isoWeekMonday(2025, 44))).toBe('2025-10-27');
		expect(formatDay(isoWeekMonday(2026, 1))).toBe('2025-12-29');
		expect(isoWeek(parseDay('2025-12-31'))).toEqual({ year: 2026, week: 1 });
		expect(isoWeek(parseDay('2026-02-23'))).toEqual({ year: 2026, week: 9 });
	});

	it('places the lov weeks of 2025/26 where a Swedish kommun would', () => {
		const lov = Object.fromEntries(lovPeriods(2025).map((p) => [p.label, span(p.days)]));
		expect(lov).toEqual({
			Höstlov: ['2025-10-27', '2025-10-31'],
			Jullov: ['2025-12-22', '2026-01-02'],
			Sportlov: ['2026-02-23', '2026-02-27'],
			Påsklov: ['2026-04-06', '2026-04-10'],
			Sommarlov: ['2026-06-15', '2026-08-14']
		});
	});

	it('closes the desk on the klämdag after Kristi himmelfärd and between Christmas and New Year', () => {
		const closed = demoCalendarDays([2025])
			.filter((d) => d.kind === 'closed')
			.map((d) => d.day);
		expect(closed).toEqual(['2025-12-29', '2025-12-30', '2026-05-15']);
	});

	it('counts a school year from week 33', () => {
		expect(schoolYearOf(parseDay('2026-08-10'))).toBe(2026);
		expect(schoolYearOf(parseDay('2026-08-07'))).toBe(2025);
	});

	it('makes term start and the weeks before the national tests busier than July', () => {
		const lov = new Set(
			demoCalendarDays([2025])
				.filter((d) => d.kind === 'lov')
				.map((d) => d.day)
		);
		const load = (day: string) => dayLoad(parseDay(day), lov).weight;
		expect(load('2025-08-19')).toBeGreaterThan(1.5);
		expect(load('2026-03-11')).toBeGreaterThan(1.3);
		expect(load('2026-07-08')).toBeLessThan(0.2);
		expect(load('2025-10-08')).toBe(1);
	});
});
