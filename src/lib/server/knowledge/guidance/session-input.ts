import { z } from 'zod';
import { GUIDANCE_KINDS } from '../../db/schema/guidance';
import type { FieldIssue } from '../../errors';
import { stockholmInstant } from '../../planning/forums/forum-input';
import { isIsoDate } from '$lib/calendar-date';

/** The support chains a session belongs to. */
export const GUIDANCE_CHAINS = ['technical', 'pedagogical'] as const;
export type GuidanceChain = (typeof GUIDANCE_CHAINS)[number];

/** At most this many weekly occasions in one series. */
export const MAX_OCCASIONS = 20;
/** At most this many seats in a drop-in. */
export const MAX_SEATS = 200;

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const count = (message: string, max: number) =>
	z
		.string()
		.trim()
		.default('1')
		.refine((v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= max, message)
		.transform(Number);

/** The publish form as it comes in: strings, as a form sends them. Day and times are Stockholm wall-clock time. */
export const sessionSchema = z.object({
	kind: z.enum(GUIDANCE_KINDS, { error: 'guidance_error_kind' }),
	chain: z.enum(GUIDANCE_CHAINS, { error: 'guidance_error_chain' }),
	title: z.string({ error: 'guidance_error_title' }).trim().min(1, 'guidance_error_title').max(200, 'error_too_long'),
	description: text(4000),
	day: z
		.string({ error: 'guidance_error_day' })
		.trim()
		.refine((v) => isIsoDate(v), 'guidance_error_day'),
	start: z
		.string({ error: 'guidance_error_time' })
		.trim()
		.refine((v) => TIME.test(v), 'guidance_error_time'),
	end: z
		.string({ error: 'guidance_error_time' })
		.trim()
		.refine((v) => TIME.test(v), 'guidance_error_time'),
	seats: count('guidance_error_seats', MAX_SEATS),
	occasions: count('guidance_error_occasions', MAX_OCCASIONS),
	meetingUrl: text(500),
	place: text(300),
	unitId: text(100)
});

/** What the form sends: strings by field name; anything else is refused beside its field. */
export type SessionInput = Record<string, unknown>;
export type ParsedSession = z.output<typeof sessionSchema>;

/** Whether a text is an http(s) address a browser opens (the meeting link). */
export function isMeetingUrl(v: string): boolean {
	try {
		const url = new URL(v);
		return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname && !/\s/.test(v);
	} catch {
		return false;
	}
}

const WEEK_MS = 7 * 86_400_000;

/** The day `weeks` weeks after `day` (YYYY-MM-DD), as a calendar date (no time zone involved). */
export function addWeeks(day: string, weeks: number): string {
	return new Date(Date.parse(`${day}T12:00:00Z`) + weeks * WEEK_MS).toISOString().slice(0, 10);
}

/**
 * The rules of a session that need no database: the end after the start, the first occasion not in the past, one
 * seat for 1–1 guidance, a meeting link that is an http(s) address, and somewhere to meet (a link, a place or a unit).
 * Returns the field issues and, when there are none, the occasions (one per week, same wall-clock time in Stockholm,
 * so a series keeps its hour across the change to and from summer time).
 */
export function checkSession(input: ParsedSession, now: Date): { issues: FieldIssue[]; occasions: { startsAt: Date; endsAt: Date }[] } {
	const issues: FieldIssue[] = [];
	if (input.end <= input.start) issues.push({ field: 'end', message: 'guidance_error_end_before_start' });
	else if (stockholmInstant(input.day, input.start) <= now) issues.push({ field: 'day', message: 'guidance_error_in_past' });
	if (input.kind === 'one_to_one' && input.seats !== 1) issues.push({ field: 'seats', message: 'guidance_error_one_seat' });
	if (input.meetingUrl && !isMeetingUrl(input.meetingUrl)) issues.push({ field: 'meetingUrl', message: 'guidance_error_url' });
	else if (!input.meetingUrl && !input.place && !input.unitId) issues.push({ field: 'meetingUrl', message: 'guidance_error_where' });
	if (issues.length) return { issues, occasions: [] };
	const occasions = Array.from({ length: input.occasions }, (_, week) => {
		const day = addWeeks(input.day, week);
		return { startsAt: stockholmInstant(day, input.start), endsAt: stockholmInstant(day, input.end) };
	});
	return { issues, occasions };
}
