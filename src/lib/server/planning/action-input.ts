import { z } from 'zod';
import { AppError, zodIssues } from '../errors';
import { isIsoDate } from '$lib/calendar-date';

const text = (max: number) => z.string().trim().max(max, 'error_too_long').default('');
const day = z
	.string()
	.trim()
	.refine((v) => v === '' || isIsoDate(v), 'planning_error_date')
	.default('');
const whole = (max: number) =>
	z
		.string()
		.trim()
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= max), 'planning_error_whole_number')
		.default('');

/** The action form, as strings from the browser. Links and participants come as lists. */
export const actionSchema = z
	.object({
		scope: z.string({ error: 'planning_error_scope' }).trim().min(1, 'planning_error_scope'),
		title: z.string({ error: 'planning_error_title_required' }).trim().min(1, 'planning_error_title_required').max(300, 'error_too_long'),
		how: text(8000),
		startsOn: day,
		dueOn: day,
		responsibleId: z.string({ error: 'planning_error_responsible' }).trim().min(1, 'planning_error_responsible'),
		participantIds: z.array(z.string()).max(200).default([]),
		followUp: text(4000),
		effect: text(4000),
		hours: whole(100000),
		moneySek: whole(1000000000),
		supportCategoryId: z.string().trim().default(''),
		/** The organizer's strategic goal the action serves; empty for none. */
		goalId: z.string().trim().default(''),
		/** The catalog course the action holds ("hold course X for unit Y", decision 066); empty for none. */
		courseId: z.string().trim().default(''),
		links: z.array(z.string().max(300)).max(100).default([])
	})
	.refine((v) => !v.startsOn || !v.dueOn || v.dueOn >= v.startsOn, { path: ['dueOn'], message: 'planning_error_due_before_start' });

export type ActionInput = z.input<typeof actionSchema>;
export type ParsedAction = z.output<typeof actionSchema>;

/** Parses the action form; INVALID with one message beside each field otherwise. */
export function parseAction(input: ActionInput): ParsedAction {
	const parsed = actionSchema.safeParse(input);
	if (!parsed.success) throw new AppError('INVALID', 'action', zodIssues(parsed.error.issues));
	return parsed.data;
}

/** The columns an action's form fills, from parsed input. */
export function actionColumns(v: ParsedAction) {
	return {
		title: v.title,
		how: v.how,
		startsOn: v.startsOn || null,
		dueOn: v.dueOn || null,
		responsibleId: v.responsibleId,
		followUp: v.followUp,
		effect: v.effect,
		hours: v.hours ? Number(v.hours) : null,
		moneySek: v.moneySek ? Number(v.moneySek) : null,
		supportCategoryId: v.supportCategoryId || null,
		goalId: v.goalId || null,
		courseId: v.courseId || null
	};
}
