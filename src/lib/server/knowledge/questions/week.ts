import { todayInStockholm } from '../../auth/load-actor';

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (YYYY-MM-DD) as UTC milliseconds, or null when it is no real day. */
function dayMs(day: string): number | null {
	if (!DAY.test(day)) return null;
	const ms = Date.parse(`${day}T00:00:00Z`);
	return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? null : ms;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday of the week a day falls in (weeks start on Monday, as in Sweden). */
export function mondayOf(day: string): string {
	const ms = dayMs(day);
	if (ms === null) throw new Error(`not a day: ${day}`);
	const weekday = (new Date(ms).getUTCDay() + 6) % 7;
	return dayOf(ms - weekday * DAY_MS);
}

/** True for a real day that is a Monday: the key of a week in the duty roster. */
export function isMonday(day: string): boolean {
	const ms = dayMs(day);
	return ms !== null && new Date(ms).getUTCDay() === 1;
}

/** The day `weeks` weeks after `day`. */
export const addWeeks = (day: string, weeks: number): string => dayOf(dayMs(day)! + weeks * 7 * DAY_MS);

/** The Monday of this week in Swedish time. */
export const thisMonday = (now = new Date()): string => mondayOf(todayInStockholm(now));

/** The ISO week number of a Monday (for "v. 49"). */
export function weekNumber(monday: string): number {
	const ms = dayMs(monday)!;
	const thursday = new Date(ms + 3 * DAY_MS);
	const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
	return Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
}
