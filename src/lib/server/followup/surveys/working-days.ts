/**
 * The moment `days` working days (Monday–Friday, by the UTC calendar day) after `from`, at the same time of day: each
 * calendar day stepped over counts when it is a working day. A close on a Friday or a Saturday with one day's delay
 * sends on Monday; no delay (0) means at once, also at the weekend. Holidays are not known here.
 */
export function addWorkingDays(from: Date, days: number): Date {
	const d = new Date(from.getTime());
	let left = Math.max(0, days);
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
	}
	return d;
}

/** The month a moment falls in, as YYYY-MM (UTC): the period a pulse counts in. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
