/**
 * Calendar days as integers: the number of days since 1970-01-01 in the proleptic Gregorian calendar.
 * A day number names a date, not an instant; the time zone is applied elsewhere (zoned-time.ts).
 */

export const MS_PER_DAY = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a year, month (1–12) and day of month. */
export function dayOf(year: number, month: number, day: number): number {
	return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Parses 'YYYY-MM-DD' into a day number; throws RangeError on anything else, including 2025-02-30. */
export function parseDay(text: string): number {
	const match = DAY_PATTERN.exec(text);
	if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): ${text}`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const n = dayOf(year, month, day);
	if (formatDay(n) !== text) throw new RangeError(`No such date: ${text}`);
	return n;
}

/** Formats a day number as 'YYYY-MM-DD'. */
export function formatDay(n: number): string {
	return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day of the week: 0 = Sunday, 1 = Monday … 6 = Saturday. */
export function weekday(n: number): number {
	return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** The year a day number falls in. */
export function yearOf(n: number): number {
	return new Date(n * MS_PER_DAY).getUTCFullYear();
}
