import { z } from 'zod';
import { isIsoDate } from '../../calendar-date';
import { ANSWER_MAX, ASPECTS, REFLECTION, STAGES } from './competence-rules';

/** A step added to or changed in the plan. */
export const stepSchema = z.object({
	stage: z.enum(STAGES, { message: 'competence_error_stage' }),
	aspect: z.enum(ASPECTS, { message: 'competence_error_aspect' }),
	text: z.string({ message: 'competence_error_text' }).trim().min(1, 'competence_error_text').max(500, 'competence_error_too_long'),
	contentNote: z
		.string()
		.trim()
		.max(300, 'competence_error_too_long')
		.optional()
		.transform((v) => v ?? '')
});
export type StepInput = z.input<typeof stepSchema>;

/** A new class at a unit. */
export const classSchema = z.object({
	unitId: z.string({ message: 'competence_error_unit' }).trim().min(1, 'competence_error_unit'),
	stage: z.enum(STAGES, { message: 'competence_error_stage' }),
	name: z
		.string({ message: 'competence_error_class_name' })
		.trim()
		.min(1, 'competence_error_class_name')
		.max(40, 'competence_error_too_long')
});
export type ClassInput = z.input<typeof classSchema>;

/** A marking: which class worked on which step, when, and a note or an example. */
export const markingSchema = z.object({
	classId: z.string({ message: 'competence_error_class' }).trim().min(1, 'competence_error_class'),
	stepId: z.string({ message: 'competence_error_step' }).trim().min(1, 'competence_error_step'),
	workedOn: z.string({ message: 'competence_error_date' }).trim().refine(isIsoDate, 'competence_error_date'),
	note: z
		.string()
		.trim()
		.max(1000, 'competence_error_too_long')
		.optional()
		.transform((v) => v ?? '')
});
export type MarkingInput = z.input<typeof markingSchema>;

/** A reflection: every item answered 0–4; the field of an item is its key. */
export const reflectionSchema = z.object(
	Object.fromEntries(
		REFLECTION.areas.flatMap((a) =>
			a.items.map((i) => [
				i.key,
				z
					.string({ message: 'competence_error_answer' })
					.regex(/^\d$/, 'competence_error_answer')
					.transform(Number)
					.refine((v) => v >= 0 && v <= ANSWER_MAX, 'competence_error_answer')
			])
		)
	)
);

/** A form's fields as posted: each may be missing or any string; the schema decides. */
export type FormInput<T> = { [K in keyof T]?: string };
