/**
 * Working-time arithmetic on a WorkingCalendar. Both functions walk the calendar one local day at a time
 * (never minute by minute) and work in whole milliseconds, so measuring what was added gives it back exactly.
 * Daylight saving time is handled by converting each day's opening hours to instants in the calendar's zone.
 */
import { compileCalendar, isWorkingDayNumber, type CompiledCalendar, type WorkingCalendar } from './working-calendar';
import { fromLocal, toLocal } from './zoned-time';

const MS_PER_MINUTE = 60_000;
/** addWorkingMinutes gives up after this many days (about 200 years) rather than loop for ever. */
const MAX_DAYS = 73_000;

/** The instants a day's working hours begin and end, or null when the day is not a working day. */
function windowOf(c: CompiledCalendar, day: number): [number, number] | null {
	if (!isWorkingDayNumber(c, day)) return null;
	return [fromLocal(c.timeZone, day, c.startMinute), fromLocal(c.timeZone, day, c.endMinute)];
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(cal: WorkingCalendar, from: number, to: number): number {
	if (!(to > from)) return 0;
	const c = compileCalendar(cal);
	const last = toLocal(c.timeZone, to).day;
	let total = 0;
	for (let day = toLocal(c.timeZone, from).day; day <= last; day++) {
		const w = windowOf(c, day);
		if (!w) continue;
		const overlap = Math.min(w[1], to) - Math.max(w[0], from);
		if (overlap > 0) total += overlap;
	}
	return total;
}

/**
 * The instant at which `ms` working milliseconds have passed after `start`. Zero gives `start` itself;
 * otherwise the result always lies within working hours (a deadline that runs out at closing time is
 * closing time, not the next morning).
 */
export function addWorkingMs(cal: WorkingCalendar, start: number, ms: number): number {
	if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Cannot add ${ms} ms of working time`);
	if (ms === 0) return start;
	const c = compileCalendar(cal);
	let remaining = Math.round(ms);
	const first = toLocal(c.timeZone, start).day;
	for (let day = first; day < first + MAX_DAYS; day++) {
		const w = windowOf(c, day);
		if (!w) continue;
		const from = Math.max(w[0], start);
		const available = w[1] - from;
		if (available <= 0) continue;
		if (remaining <= available) return from + remaining;
		remaining -= available;
	}
	throw new RangeError(`Working time ${ms} ms does not fit in ${MAX_DAYS} days`);
}

/**
 * Working minutes between two instants in the calendar: only time inside working hours on working days
 * counts. 0 when `to` is not after `from`. May be fractional (it is exact to the millisecond).
 */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
	return workingMsBetween(cal, from.getTime(), to.getTime()) / MS_PER_MINUTE;
}

/**
 * The deadline: the instant at which `minutes` working minutes have passed after `start`.
 * `addWorkingMinutes(cal, s, m)` measured back with `workingMinutesBetween(cal, s, result)` gives `m`.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: Date, minutes: number): Date {
	return new Date(addWorkingMs(cal, start.getTime(), minutes * MS_PER_MINUTE));
}
