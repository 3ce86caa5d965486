/**
 * Swedish public holidays (allmänna helgdagar, lagen (1989:253) om allmänna helgdagar, as in force since
 * 2005) and the eves on which schools and offices are closed in practice although the law does not list them.
 * The current rules are applied to every year; the law's earlier versions (annandag pingst until 2004,
 * fixed midsommardagen and alla helgons dag until 1952) are not modelled.
 */
import { dayOf, formatDay, weekday } from './days';

/** Stable keys; the lead maps them to messages (e.g. `support_holiday_${key}`). */
export const HOLIDAY_KEYS = [
	'nyarsdagen',
	'trettondedag_jul',
	'langfredagen',
	'paskdagen',
	'annandag_pask',
	'forsta_maj',
	'kristi_himmelsfardsdag',
	'pingstdagen',
	'nationaldagen',
	'midsommarafton',
	'midsommardagen',
	'alla_helgons_dag',
	'julafton',
	'juldagen',
	'annandag_jul',
	'nyarsafton'
] as const;

export type HolidayKey = (typeof HOLIDAY_KEYS)[number];

/** 'holiday': allmän helgdag by law. 'eve': not in the law, but a non-working day in practice. */
export type HolidayKind = 'holiday' | 'eve';

export type Holiday = { date: string; key: HolidayKey; kind: HolidayKind };

const EVES: ReadonlySet<HolidayKey> = new Set(['midsommarafton', 'julafton', 'nyarsafton']);

function assertYear(year: number): void {
	if (!Number.isInteger(year) || year < 1583 || year > 9999) {
		throw new RangeError(`Year out of range for the Gregorian calendar: ${year}`);
	}
}

/** Easter Sunday as a day number, by the Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSundayDay(year: number): number {
	assertYear(year);
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return dayOf(year, month, day);
}

/** The Saturday in the seven days starting at the given date. */
function saturdayFrom(year: number, month: number, day: number): number {
	const start = dayOf(year, month, day);
	return start + ((6 - weekday(start) + 7) % 7);
}

function holidayDays(year: number): [number, HolidayKey][] {
	const easter = easterSundayDay(year);
	const midsommardagen = saturdayFrom(year, 6, 20);
	return [
		[dayOf(year, 1, 1), 'nyarsdagen'],
		[dayOf(year, 1, 6), 'trettondedag_jul'],
		[easter - 2, 'langfredagen'],
		[easter, 'paskdagen'],
		[easter + 1, 'annandag_pask'],
		[dayOf(year, 5, 1), 'forsta_maj'],
		[easter + 39, 'kristi_himmelsfardsdag'],
		[easter + 49, 'pingstdagen'],
		[dayOf(year, 6, 6), 'nationaldagen'],
		[midsommardagen - 1, 'midsommarafton'],
		[midsommardagen, 'midsommardagen'],
		[saturdayFrom(year, 10, 31), 'alla_helgons_dag'],
		[dayOf(year, 12, 24), 'julafton'],
		[dayOf(year, 12, 25), 'juldagen'],
		[dayOf(year, 12, 26), 'annandag_jul'],
		[dayOf(year, 12, 31), 'nyarsafton']
	];
}

/**
 * Every Swedish public holiday and non-working eve of a year, in date order. Two entries can share a
 * date (Kristi himmelsfärdsdag on 1 May, as in 2008; pingstdagen on 6 June).
 */
export function swedishHolidays(year: number): Holiday[] {
	return holidayDays(year)
		.sort((x, y) => x[0] - y[0])
		.map(([n, key]) => ({ date: formatDay(n), key, kind: EVES.has(key) ? 'eve' : 'holiday' }));
}

const daySets = new Map<number, ReadonlySet<number>>();

/** Day numbers of a year's holidays and eves, cached (used on every day the working-time loop visits). */
export function holidayDaySet(year: number): ReadonlySet<number> {
	let set = daySets.get(year);
	if (!set) {
		set = new Set(holidayDays(year).map(([n]) => n));
		daySets.set(year, set);
	}
	return set;
}
