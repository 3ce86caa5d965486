/**
 * Calendar dates written YYYY-MM-DD (what <input type="date"> sends), and where
 * such a day begins in Swedish time. Pure functions, no database.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date between 1900 and 2999 written YYYY-MM-DD; 2026-02-30 is not one. */
export function isIsoDate(value: string): boolean {
	const m = ISO_DATE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 1900 || y > 2999) return false;
	const dt = new Date(Date.UTC(y, mo - 1, d));
	return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(at: Date): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: 'Europe/Stockholm',
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(at);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((wall - at.getTime()) / 60_000);
}

/** The instant a day (YYYY-MM-DD) begins in Stockholm. Clocks change at 02:00/03:00, never at midnight. */
export function startOfStockholmDay(isoDate: string): Date {
	const [y, mo, d] = isoDate.split('-').map(Number);
	const utcMidnight = Date.UTC(y, mo - 1, d);
	const offset = stockholmOffsetMinutes(new Date(utcMidnight - 60 * 60_000));
	return new Date(utcMidnight - offset * 60_000);
}

/** The day after a date, as YYYY-MM-DD. */
export function nextIsoDate(isoDate: string): string {
	const [y, mo, d] = isoDate.split('-').map(Number);
	return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}
