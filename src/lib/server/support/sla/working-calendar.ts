/**
 * An organizer's working calendar: Monday–Friday between two wall-clock times in one time zone, minus
 * Swedish holidays and eves, the organizer's own closed days and, when it chooses, school holidays (lov).
 */
import { formatDay, parseDay, weekday, yearOf } from './days';
import { holidayDaySet } from './swedish-holidays';
import { toLocal } from './zoned-time';

export type WorkingCalendar = {
	/** IANA time zone of the wall-clock times, normally 'Europe/Stockholm'. */
	timeZone: string;
	/** Start of the working day, 'HH:MM'. */
	workdayStart: string;
	/** End of the working day, 'HH:MM', after the start. */
	workdayEnd: string;
	/** The organizer's own extra non-working days, 'YYYY-MM-DD'. */
	closedDays: string[];
	/** School holiday days (lov), 'YYYY-MM-DD'; non-working only when countLov is true. */
	lovDays: string[];
	/** Whether lov days are non-working days. */
	countLov: boolean;
};

/** 08:00–17:00 Monday–Friday in Stockholm, no own closed days, lov counted as working time. */
export const DEFAULT_CALENDAR: Readonly<WorkingCalendar> = Object.freeze({
	timeZone: 'Europe/Stockholm',
	workdayStart: '08:00',
	workdayEnd: '17:00',
	closedDays: Object.freeze([]) as unknown as string[],
	lovDays: Object.freeze([]) as unknown as string[],
	countLov: false
});

/** A calendar checked and turned into numbers once. */
export type CompiledCalendar = {
	timeZone: string;
	/** Minutes after local midnight. */
	startMinute: number;
	endMinute: number;
	/** Day numbers that are non-working besides weekends and holidays. */
	closed: ReadonlySet<number>;
};

const CLOCK_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (00:00–23:59) as minutes after midnight; throws RangeError otherwise. */
export function parseClock(text: string): number {
	const match = CLOCK_PATTERN.exec(text);
	if (!match) throw new RangeError(`Not a time of day (HH:MM): ${text}`);
	return Number(match[1]) * 60 + Number(match[2]);
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

/**
 * Checks a calendar and prepares it for fast lookups. The result is cached per calendar object, so treat
 * calendars as immutable: build a new object instead of changing one that has been used.
 */
export function compileCalendar(cal: WorkingCalendar): CompiledCalendar {
	let c = compiled.get(cal);
	if (c) return c;
	new Intl.DateTimeFormat('en', { timeZone: cal.timeZone }); // throws RangeError on an unknown zone
	const startMinute = parseClock(cal.workdayStart);
	const endMinute = parseClock(cal.workdayEnd);
	if (endMinute <= startMinute) {
		throw new RangeError(`The working day must end after it starts: ${cal.workdayStart}–${cal.workdayEnd}`);
	}
	const closed = new Set(cal.closedDays.map(parseDay));
	if (cal.countLov) for (const d of cal.lovDays) closed.add(parseDay(d));
	c = { timeZone: cal.timeZone, startMinute, endMinute, closed };
	compiled.set(cal, c);
	return c;
}

/** Whether a day number is a working day of a compiled calendar. */
export function isWorkingDayNumber(c: CompiledCalendar, n: number): boolean {
	const wd = weekday(n);
	if (wd === 0 || wd === 6) return false;
	if (c.closed.has(n)) return false;
	return !holidayDaySet(yearOf(n)).has(n);
}

/**
 * Whether a date ('YYYY-MM-DD') is a working day: Monday–Friday, not a Swedish public holiday or eve
 * (midsommarafton, julafton, nyårsafton), not one of the organizer's closed days, and not a lov day when
 * the calendar counts lov.
 */
export function isWorkingDay(cal: WorkingCalendar, day: string): boolean {
	return isWorkingDayNumber(compileCalendar(cal), parseDay(day));
}

/** Whether the calendar day an instant falls on, in the calendar's time zone, is a working day (see isWorkingDay). */
export function isWorkingDayAt(cal: WorkingCalendar, at: Date): boolean {
	const c = compileCalendar(cal);
	return isWorkingDayNumber(c, toLocal(c.timeZone, at.getTime()).day);
}

const MAX_RANGE_DAYS = 3660;

/**
 * Every date from `from` to `to`, both included ('YYYY-MM-DD'), e.g. to turn a lov period into lovDays.
 * Empty when `to` is before `from`; throws RangeError for bad dates or a range over ten years.
 */
export function expandRange(from: string, to: string): string[] {
	const a = parseDay(from);
	const b = parseDay(to);
	if (b - a >= MAX_RANGE_DAYS) throw new RangeError(`Range too long: ${from}–${to}`);
	const days: string[] = [];
	for (let n = a; n <= b; n++) days.push(formatDay(n));
	return days;
}
