/**
 * The moment `days` working days (Monday–Friday, by the UTC calendar day) after `from`, at the same time of day. A close
 * on a Friday with one day's delay sends on Monday; on a Saturday, also Monday. Holidays are not known here.
 */
export function addWorkingDays(from: Date, days: number): Date {
	const d = new Date(from.getTime());
	let left = Math.max(0, days);
	// A close at the weekend counts from the Monday after.
	while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
	}
	return d;
}

/** The month a moment falls in, as YYYY-MM (UTC): the period a pulse counts in. */
export const monthOf = (d: Date) => d.toISOString().slice(0, 7);
