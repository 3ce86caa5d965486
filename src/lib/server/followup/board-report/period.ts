/**
 * The period of a board report. A term (termin) is HT, August to December, or VT, January to June; July belongs to
 * no term. Dates are Stockholm dates (YYYY-MM-DD), `to` inclusive as the board reads it.
 */
export type BoardPeriod = { from: string; to: string; label: string };

/** A report may cover at most two school years: longer is a typing mistake, not a report. */
export const MAX_PERIOD_DAYS = 731;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a text is a real calendar date (not 2026-02-30). */
export function isDate(value: string): boolean {
	if (!DATE.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The term a day falls in; a July day gives the spring term just ended. */
export function termOf(day: string): BoardPeriod {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	if (month >= 8) return { from: `${year}-08-01`, to: `${year}-12-31`, label: `HT ${year}` };
	return { from: `${year}-01-01`, to: `${year}-06-30`, label: `VT ${year}` };
}

/** The term before a term. */
export function previousTerm(term: BoardPeriod): BoardPeriod {
	const year = Number(term.from.slice(0, 4));
	return term.label.startsWith('HT') ? termOf(`${year}-03-01`) : termOf(`${year - 1}-09-01`);
}

/**
 * The term a new report is for by default: the term that is running, or, before a term has run a month (and in July),
 * the term just ended — a report is usually made when a term is over.
 */
export function defaultTerm(today: string): BoardPeriod {
	const current = termOf(today);
	const daysIn = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${current.from}T00:00:00Z`)) / 86_400_000;
	if (Number(today.slice(5, 7)) === 7) return current;
	return daysIn < 31 ? previousTerm(current) : current;
}

/** The last `count` terms up to the one today falls in, newest first (for the form's quick choices). */
export function recentTerms(today: string, count = 4): BoardPeriod[] {
	const out = [termOf(today)];
	while (out.length < count) out.push(previousTerm(out[out.length - 1]));
	return out;
}

export type PeriodIssue = { field: 'from' | 'to'; code: 'invalid_date' | 'ends_before_start' | 'too_long' };

/**
 * Checks a typed period: both real dates, the end not before the start, at most MAX_PERIOD_DAYS long. Returns the
 * period (labelled as its term when it is exactly one) or the issues, each on the field to fix.
 */
export function checkPeriod(from: string, to: string): { period: BoardPeriod } | { issues: PeriodIssue[] } {
	const issues: PeriodIssue[] = [];
	if (!isDate(from)) issues.push({ field: 'from', code: 'invalid_date' });
	if (!isDate(to)) issues.push({ field: 'to', code: 'invalid_date' });
	if (issues.length) return { issues };
	const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
	if (days < 1) return { issues: [{ field: 'to', code: 'ends_before_start' }] };
	if (days > MAX_PERIOD_DAYS) return { issues: [{ field: 'to', code: 'too_long' }] };
	const term = termOf(from);
	const label = term.from === from && term.to === to ? term.label : `${from} – ${to}`;
	return { period: { from, to, label } };
}

/** The day after a date: the figures' modules count half-open periods [from, to). */
export function dayAfter(day: string): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
