/**
 * SLA targets as people write them: "3 d" (working days) or "4 t" (working hours), also "2,5 t",
 * "3 dagar", "4 h", "1 day". A working day is the organizer's working hours (e.g. 08:00–17:00 = 540
 * minutes). Stored as whole working minutes.
 */

/** The kinds of target per chain and urgency, in table order, and their columns. */
export const SLA_KINDS = ['firstResponse', 'feedback', 'resolution', 'line1', 'line2', 'line3'] as const;
export type SlaKindKey = (typeof SLA_KINDS)[number];

/** Longest target accepted: a school year of working days. */
export const MAX_SLA_DAYS = 200;

const PATTERN = /^(\d{1,4}(?:[.,]\d{1,2})?)\s*([a-zåäö]*)$/;
const HOURS = new Set(['t', 'tim', 'timme', 'timmar', 'h', 'hour', 'hours']);
const DAYS = new Set(['d', 'dag', 'dagar', 'day', 'days']);

export type ParsedDuration = { ok: true; minutes: number | null } | { ok: false; message: string };

/** Minutes in the organizer's working day, from 'HH:MM' times. */
export function workdayMinutes(start: string, end: string): number {
	const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
	return Math.max(toMin(end) - toMin(start), 1);
}

/** Reads one target. Empty means "no target"; a number needs t or d; zero and huge values are refused. */
export function parseDuration(text: string, dayMinutes: number): ParsedDuration {
	const s = text.trim().toLocaleLowerCase('sv-SE');
	if (s === '') return { ok: true, minutes: null };
	const m = PATTERN.exec(s);
	if (!m) return { ok: false, message: 'supportadmin_error_duration' };
	const n = Number(m[1].replace(',', '.'));
	const unit = m[2];
	if (unit === '') return { ok: false, message: 'supportadmin_error_duration_unit' };
	const per = HOURS.has(unit) ? 60 : DAYS.has(unit) ? dayMinutes : 0;
	if (!per) return { ok: false, message: 'supportadmin_error_duration' };
	const minutes = Math.round(n * per);
	if (minutes < 1) return { ok: false, message: 'supportadmin_error_duration_zero' };
	if (minutes > MAX_SLA_DAYS * dayMinutes) return { ok: false, message: 'supportadmin_error_duration_large' };
	return { ok: true, minutes };
}

/** Writes stored minutes back as the page shows them: whole working days as "N d", otherwise hours ("N t", in English "N h"). */
export function formatDuration(minutes: number | null | undefined, dayMinutes: number, locale: 'sv' | 'en' = 'sv'): string {
	if (minutes == null) return '';
	if (minutes % dayMinutes === 0) return `${minutes / dayMinutes} d`;
	const hours = Math.round((minutes / 60) * 100) / 100;
	return locale === 'sv' ? `${String(hours).replace('.', ',')} t` : `${hours} h`;
}

/** The form field name of one target cell, e.g. "technical-high-feedback". */
export const slaField = (chain: string, urgency: string, kind: SlaKindKey) => `${chain}-${urgency}-${kind}`;
