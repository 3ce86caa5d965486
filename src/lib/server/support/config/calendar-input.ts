import { z } from 'zod';

/** Kinds of the organizer's own days: closed (non-working) or lov (school holiday). */
export const CALENDAR_KINDS = ['closed', 'lov'] as const;

/** Longest period added at once. */
export const MAX_PERIOD_DAYS = 366;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a real date 'YYYY-MM-DD', or null. */
export function dayNumber(s: string): number | null {
	const m = DAY.exec(s);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 2000 || y > 2100) return null;
	const t = Date.UTC(y, mo - 1, d);
	const back = new Date(t);
	if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
	return t / 86_400_000;
}

/** 'YYYY-MM-DD' of a day number. */
export const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

const date = (message: string) =>
	z
		.string()
		.trim()
		.refine((s) => dayNumber(s) !== null, message);

/** A period of days, as posted by the add form (from … to, both included). */
export const calendarPeriodSchema = z
	.object({
		from: date('supportadmin_error_date'),
		to: date('supportadmin_error_date'),
		kind: z.enum(CALENDAR_KINDS, { message: 'supportadmin_error_choose_kind' }),
		label: z.string().trim().min(2, 'supportadmin_error_label_required').max(100, 'supportadmin_error_too_long')
	})
	.superRefine((v, ctx) => {
		const a = dayNumber(v.from);
		const b = dayNumber(v.to);
		if (a === null || b === null) return;
		if (b < a) ctx.addIssue({ code: 'custom', path: ['to'], message: 'supportadmin_error_date_order' });
		else if (b - a >= MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'supportadmin_error_period_long' });
	});
export type CalendarPeriodInput = z.input<typeof calendarPeriodSchema>;

/** The remove form: the first and last day of a listed period. */
export const calendarRemoveSchema = z
	.object({ from: date('supportadmin_error_date'), to: date('supportadmin_error_date') })
	.refine((v) => (dayNumber(v.to) ?? 0) >= (dayNumber(v.from) ?? 0), { path: ['to'], message: 'supportadmin_error_date_order' });

/** Every day of a checked period. */
export function daysOf(from: string, to: string): string[] {
	const out: string[] = [];
	for (let n = dayNumber(from)!; n <= dayNumber(to)!; n++) out.push(dayString(n));
	return out;
}
