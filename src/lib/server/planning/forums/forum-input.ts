import { z } from 'zod';
import { isIsoDate } from '$lib/calendar-date';

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
const day = (message: string) =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), message)
		.default('');

/** The forum form: name, purpose, kind, scope ("organizer" or a unit id) and members. */
export const forumSchema = z.object({
	name: z.string({ error: 'forums_error_name' }).trim().min(1, 'forums_error_name').max(200, 'error_too_long'),
	purpose: text(4000),
	kind: z.enum(['strategy', 'delivery'], { error: 'forums_error_kind' }),
	scope: z.string().trim().default('organizer'),
	memberIds: z.array(z.string()).max(200).default([])
});

/** A new meeting: day and time (Stockholm), place and the agenda, one item a line. */
export const meetingSchema = z.object({
	day: day('forums_error_day').refine((v) => v !== '', 'forums_error_day'),
	time: z
		.string({ error: 'forums_error_time' })
		.trim()
		.refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'forums_error_time'),
	place: text(300),
	agenda: text(8000)
});

/** A meeting moved: its new day and time (Stockholm) and place. */
export const meetingMoveSchema = meetingSchema.pick({ day: true, time: true, place: true });

/** A decision: text, owner, due date, and whether it makes an action or points at one. */
export const decisionSchema = z.object({
	text: z.string({ error: 'forums_error_decision_text' }).trim().min(1, 'forums_error_decision_text').max(2000, 'error_too_long'),
	ownerId: z.string({ error: 'forums_error_owner' }).trim().min(1, 'forums_error_owner'),
	dueOn: day('forums_error_day'),
	makeAction: z.boolean().default(false),
	actionId: z.string().trim().default('')
});

export const DECISION_STATUSES = ['open', 'done', 'dropped'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A Stockholm wall-clock day and time as an instant. */
export function stockholmInstant(day: string, time: string): Date {
	const guess = new Date(`${day}T${time}:00Z`);
	const shown = new Intl.DateTimeFormat('sv-SE', {
		timeZone: 'Europe/Stockholm',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(guess);
	const [h, m] = shown.split(':').map(Number);
	const [wantH, wantM] = time.split(':').map(Number);
	let diff = (h * 60 + m - (wantH * 60 + wantM)) * 60_000;
	if (diff > 12 * 3600_000) diff -= 24 * 3600_000;
	if (diff < -12 * 3600_000) diff += 24 * 3600_000;
	return new Date(guess.getTime() - diff);
}

const stockholmParts = new Intl.DateTimeFormat('sv-SE', {
	timeZone: 'Europe/Stockholm',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** An instant as the Stockholm day (YYYY-MM-DD) and time (HH:MM) a meeting form shows: the reverse of stockholmInstant. */
export function stockholmDayTime(at: Date): { day: string; time: string } {
	const part = Object.fromEntries(stockholmParts.formatToParts(at).map((p) => [p.type, p.value]));
	return { day: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}
