import { z } from 'zod';
import { AppError, zodIssues } from '../../errors';
import { PERSPECTIVES, type Perspective } from '../framework/framework-schema';
import { UUID_PATTERN } from '../../ids';
import { parseReminderDays } from '../answer-reminders/reminder-days';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar day written YYYY-MM-DD (rejects 2026-02-30). */
const isDay = (v: string) => DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
const list = (v: unknown) => (v === undefined || v === null || v === '' ? [] : typeof v === 'string' ? [v] : v);
/**
 * A round as the form and the domain functions see it. `framework` is "key@version".
 * Messages are message keys (rounds_error_…).
 */
export const roundInputSchema = z
	.object({
		name: z
			.string({ message: 'rounds_error_name_required' })
			.trim()
			.min(2, 'rounds_error_name_required')
			.max(200, 'rounds_error_name_too_long'),
		framework: z.string({ message: 'rounds_error_framework_required' }).regex(/^[a-z0-9-]+@\d{4}\.\d+$/, 'rounds_error_framework_required'),
		unitIds: z.preprocess(
			list,
			z
				.array(z.string().regex(UUID_PATTERN, 'rounds_error_unit_not_found'), { message: 'rounds_error_units_required' })
				.min(1, 'rounds_error_units_required')
				.transform((ids) => [...new Set(ids.map((i) => i.toLowerCase()))])
		),
		perspectives: z.preprocess(
			list,
			z
				.array(z.enum(PERSPECTIVES, { message: 'rounds_error_perspectives_required' }), { message: 'rounds_error_perspectives_required' })
				.min(1, 'rounds_error_perspectives_required')
				// One order whatever order the boxes were ticked in, so audit diffs are stable.
				.transform((ps) => PERSPECTIVES.filter((p) => ps.includes(p)) as Perspective[])
		),
		opensOn: z.string({ message: 'rounds_error_date_format' }).trim().refine(isDay, 'rounds_error_date_format'),
		closesOn: z.string({ message: 'rounds_error_date_format' }).trim().refine(isDay, 'rounds_error_date_format'),
		/** Reminders to those who have not answered (decision 036); left out = unchanged (or the default when new). */
		remind: z.preprocess((v) => (v === undefined ? undefined : v === true || v === 'on'), z.boolean().optional()),
		remindDays: z.string().optional()
	})
	.superRefine((r, ctx) => {
		if (isDay(r.opensOn) && isDay(r.closesOn) && r.closesOn < r.opensOn) {
			ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'rounds_error_closes_before_opens' });
		}
		if (r.remind && r.remindDays !== undefined && !parseReminderDays(r.remindDays)) {
			ctx.addIssue({ code: 'custom', path: ['remindDays'], message: 'rates_error_remind_days' });
		}
	});

export type RoundInput = z.input<typeof roundInputSchema>;
export type ParsedRoundInput = z.output<typeof roundInputSchema>;

export { zodIssues as roundIssues } from '../../errors';

/** Parses round input or throws AppError('INVALID') with field issues. */
export function parseRoundInput(input: unknown): ParsedRoundInput {
	const parsed = roundInputSchema.safeParse(input);
	if (!parsed.success) throw new AppError('INVALID', 'invalid round', zodIssues(parsed.error.issues));
	return parsed.data;
}

/** "nationella-strategin@2026.1" → key and version. */
export function splitFramework(value: string): { key: string; version: string } {
	const [key, version] = value.split('@');
	return { key, version };
}
