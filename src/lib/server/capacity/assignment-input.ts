import { z } from 'zod';
import { CHAINS } from '../support/constants';
import { MAX_HOURS_PER_WEEK, parseHours } from './capacity-rules';
import { isIsoDate } from '$lib/calendar-date';

/** The hours, the period and the note: what both the new and the edit form send. */
const periodFields = {
	/** Hours a week, '4' or '2,5'. */
	hours: z.string({ message: 'capacity_error_hours' }).superRefine((v, ctx) => {
		const h = parseHours(v);
		if (h === null || h <= 0) ctx.addIssue({ code: 'custom', message: 'capacity_error_hours' });
		else if (h > MAX_HOURS_PER_WEEK) ctx.addIssue({ code: 'custom', message: 'capacity_error_hours_max' });
	}),
	/** The first day the time holds. */
	validFrom: z
		.string({ message: 'capacity_error_from' })
		.trim()
		.refine((v) => isIsoDate(v), 'capacity_error_from'),
	/** The last day it holds; empty = until further notice. */
	validTo: z
		.string()
		.trim()
		.optional()
		.transform((v) => v || null)
		.refine((v) => v === null || isIsoDate(v), 'capacity_error_to'),
	note: z.string().trim().max(1000, 'capacity_error_note_long').optional().default('')
};

/** Turns the period fields into what is stored, refusing an end before the start beside the end field. */
const toPeriod = <T extends { hours: string; validFrom: string; validTo: string | null }>(v: T, ctx: z.RefinementCtx) => {
	if (v.validTo !== null && v.validTo < v.validFrom)
		ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'capacity_error_to_before_from' });
};

/** The form that gives a key person time for their assignment at a unit. */
export const newAssignmentSchema = z
	.object({
		personId: z.string({ message: 'capacity_error_person' }).trim().min(1, 'capacity_error_person'),
		unitId: z.string({ message: 'capacity_error_unit' }).trim().min(1, 'capacity_error_unit'),
		chain: z.enum(CHAINS, { message: 'capacity_error_chain' }),
		...periodFields
	})
	.superRefine(toPeriod);
export type NewAssignmentInput = z.input<typeof newAssignmentSchema>;

/** The edit form: the person, unit and chain stay (end the assignment and make a new one to change them). */
export const editAssignmentSchema = z.object(periodFields).superRefine(toPeriod);
export type EditAssignmentInput = z.input<typeof editAssignmentSchema>;

/** A form's fields as posted: each may be missing or any string; the schema decides. */
export type FormInput<T> = { [K in keyof T]?: string };

/** Hours as stored: whole minutes a week. */
export const minutesOf = (hours: string) => Math.round(parseHours(hours)! * 60);
