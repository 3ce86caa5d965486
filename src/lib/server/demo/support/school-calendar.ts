/**
 * Exempelkommun's school year as the support demo sees it: term starts, the lov weeks (höstlov v44,
 * jullov, sportlov v9, påsklov, sommarlov), a few days the support desk is closed, and how busy
 * support is on each working day (peaks after term start and before the digital national tests).
 * Pure: day numbers from sla/days.ts, no database.
 */
import { dayOf, formatDay, weekday } from '../../support/sla/days';
import { easterSundayDay } from '../../support/sla/swedish-holidays';

export type CalendarDay = { day: string; kind: 'lov' | 'closed'; label: string };

/** The Monday of ISO week `week` in `year`, as a day number. */
export function isoWeekMonday(year: number, week: number): number {
	const jan4 = dayOf(year, 1, 4);
	return jan4 - ((weekday(jan4) + 6) % 7) + 7 * (week - 1);
}

/** ISO week number and its year of a day number. */
export function isoWeek(n: number): { year: number; week: number } {
	const thursday = n - ((weekday(n) + 6) % 7) + 3;
	const year = new Date(thursday * 86_400_000).getUTCFullYear();
	return { year, week: Math.floor((thursday - isoWeekMonday(year, 1)) / 7) + 1 };
}

/** First day of teaching in the autumn: Monday of week 34. */
export const autumnStart = (year: number) => isoWeekMonday(year, 34);
/** First day of teaching in the spring: Monday of week 2. */
export const springStart = (year: number) => isoWeekMonday(year, 2);

const weekdaysBetween = (from: number, to: number) => {
	const out: number[] = [];
	for (let n = from; n <= to; n++) if (weekday(n) !== 0 && weekday(n) !== 6) out.push(n);
	return out;
};

/** The lov periods of the school year that starts in August of `year`, each as weekday day numbers. */
export function lovPeriods(year: number): { label: string; days: number[] }[] {
	const easter = easterSundayDay(year + 1);
	return [
		{ label: 'Höstlov', days: weekdaysBetween(isoWeekMonday(year, 44), isoWeekMonday(year, 44) + 4) },
		{ label: 'Jullov', days: weekdaysBetween(dayOf(year, 12, 22), springStart(year + 1) - 1) },
		{ label: 'Sportlov', days: weekdaysBetween(isoWeekMonday(year + 1, 9), isoWeekMonday(year + 1, 9) + 4) },
		{ label: 'Påsklov', days: weekdaysBetween(easter + 1, easter + 5) },
		{ label: 'Sommarlov', days: weekdaysBetween(isoWeekMonday(year + 1, 25), autumnStart(year + 1) - 1) }
	];
}

/**
 * Lov days and closed days for the school years starting in the given years. Closed: the klämdag after
 * Kristi himmelfärd, and the weekdays between Christmas and New Year's Eve when the desk is shut.
 */
export function demoCalendarDays(schoolYears: number[]): CalendarDay[] {
	const out = new Map<string, CalendarDay>();
	for (const year of schoolYears) {
		for (const period of lovPeriods(year)) {
			for (const n of period.days) out.set(formatDay(n), { day: formatDay(n), kind: 'lov', label: period.label });
		}
		const klamdag = easterSundayDay(year + 1) + 40;
		out.set(formatDay(klamdag), { day: formatDay(klamdag), kind: 'closed', label: 'Klämdag, supporten stängd' });
		for (const n of weekdaysBetween(dayOf(year, 12, 27), dayOf(year, 12, 30))) {
			out.set(formatDay(n), { day: formatDay(n), kind: 'closed', label: 'Mellandagsstängt' });
		}
	}
	return [...out.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/** The school year (by its autumn year) a day belongs to: it starts with week 33, when staff are back. */
export const schoolYearOf = (n: number) => {
	const y = new Date(n * 86_400_000).getUTCFullYear();
	return n >= isoWeekMonday(y, 33) ? y : y - 1;
};

const AUTUMN_PEAK = [2.3, 2.0, 1.6, 1.3]; // weeks 34–37
const SPRING_PEAK = [1.9, 1.5, 1.2]; // weeks 2–4
/** Weeks before and around the digital national tests. */
const TEST_WEEKS: Record<number, number> = { 8: 1.3, 10: 1.6, 11: 1.8, 12: 1.5, 13: 1.2 };

/** The season a day is in, for category weights: term start, tests or an ordinary day. */
export type Season = 'start' | 'tests' | 'lov' | 'ordinary';

/**
 * How busy support is on a working day, relative to an ordinary term day (1), and its season.
 * `lov` is the set of lov day strings.
 */
export function dayLoad(n: number, lov: ReadonlySet<string>): { weight: number; season: Season } {
	const { week } = isoWeek(n);
	const month = new Date(n * 86_400_000).getUTCMonth() + 1;
	const dow = weekday(n);
	const dayFactor = dow === 1 ? 1.2 : dow === 5 ? 0.8 : 1;
	if (week === 33) return { weight: 0.9 * dayFactor, season: 'start' };
	if (lov.has(formatDay(n))) {
		const weight = month === 7 ? 0.08 : month === 6 || month === 8 ? 0.3 : 0.25;
		return { weight: weight * dayFactor, season: 'lov' };
	}
	if (week >= 34 && week <= 37) return { weight: AUTUMN_PEAK[week - 34] * dayFactor, season: 'start' };
	if (week >= 2 && week <= 4) return { weight: SPRING_PEAK[week - 2] * dayFactor, season: 'start' };
	if (TEST_WEEKS[week]) return { weight: TEST_WEEKS[week] * dayFactor, season: 'tests' };
	return { weight: dayFactor, season: 'ordinary' };
}
