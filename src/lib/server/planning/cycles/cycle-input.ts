import { z } from 'zod';
import { AppError, zodIssues, type FieldIssue } from '../../errors';
import { AREAS, type Area } from './questions';
import { isIsoDate } from '$lib/calendar-date';

const day = (message: string) =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || isIsoDate(v), message)
		.default('');

/** The new-cycle form. */
export const newCycleSchema = z.object({
	scope: z.string({ error: 'cycles_error_scope' }).trim().min(1, 'cycles_error_scope'),
	name: z.string({ error: 'cycles_error_name' }).trim().min(1, 'cycles_error_name').max(200, 'error_too_long'),
	openedOn: day('planning_error_date').refine((v) => v !== '', 'cycles_error_opened'),
	memberIds: z.array(z.string()).max(100).default([])
});
export type NewCycleInput = z.input<typeof newCycleSchema>;

/** Analysera's three fields. */
export const analysisSchema = z.object({
	strengths: z.string().trim().max(8000, 'error_too_long').default(''),
	needs: z.string().trim().max(8000, 'error_too_long').default(''),
	consequences: z.string().trim().max(8000, 'error_too_long').default('')
});
export type AnalysisInput = z.input<typeof analysisSchema>;

/** One Agera entry as the form sends it. */
export type EntryInput = { what?: string; how?: string; dueOn?: string; responsibleId?: string; followUp?: string; effect?: string };
export type ParsedEntry = {
	area: Area;
	index: number;
	what: string;
	how: string;
	dueOn: string;
	responsibleId: string;
	followUp: string;
	effect: string;
};

const entrySchema = z.object({
	what: z.string().trim().max(300, 'error_too_long').default(''),
	how: z.string().trim().max(8000, 'error_too_long').default(''),
	dueOn: day('planning_error_date'),
	responsibleId: z.string().trim().default(''),
	followUp: z.string().trim().max(4000, 'error_too_long').default(''),
	effect: z.string().trim().max(4000, 'error_too_long').default('')
});

/** The form name of an entry's field: `e-<area>-<index>-<field>`; issues use it so they sit beside the field. */
export const entryField = (area: string, index: number, field: string) => `e-${area}-${index}-${field}`;

/** Whether an entry has anything written in it (empty ones are dropped). */
export const isFilled = (e: EntryInput) => Object.values(e).some((v) => typeof v === 'string' && v.trim() !== '');

/**
 * The Agera table's entries per row, in order, without the empty ones. Problems are INVALID, each beside
 * its field; the indexes stay the form's, so messages find their fields.
 */
export function parseEntries(rows: Partial<Record<Area, EntryInput[]>>): ParsedEntry[] {
	const out: ParsedEntry[] = [];
	const issues: FieldIssue[] = [];
	for (const area of AREAS) {
		(rows[area] ?? []).forEach((raw, index) => {
			if (!isFilled(raw)) return;
			const parsed = entrySchema.safeParse(raw);
			if (parsed.success) out.push({ area, index, ...parsed.data });
			else issues.push(...zodIssues(parsed.error.issues).map((i) => ({ ...i, field: entryField(area, index, i.field) })));
		});
	}
	if (issues.length) throw new AppError('INVALID', 'entries', issues);
	return out;
}
