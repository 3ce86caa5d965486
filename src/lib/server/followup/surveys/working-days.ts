import { DEFAULT_CALENDAR, isWorkingDayAt, type WorkingCalendar } from '../../support/sla';

/**
 * The moment `days` working days after `from`, at the same time of day: each calendar day stepped over counts when
 * it is a working day of the organizer's working calendar (the one the SLA clock uses: Monday–Friday, not a Swedish
 * holiday or eve, not one of the organizer's closed days, nor a lov day when it counts lov). A close on a Friday or
 * a Saturday with one day's delay sends on Monday; no delay (0) means at once, also at the weekend.
 */
export function addWorkingDays(from: Date, days: number, cal: WorkingCalendar = DEFAULT_CALENDAR): Date {
	const d = new Date(from.getTime());
	let left = Math.max(0, days);
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		if (isWorkingDayAt(cal, d)) left--;
	}
	return d;
}

/** The month a moment falls in, as YYYY-MM (UTC): the period a pulse counts in. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
