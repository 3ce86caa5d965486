import { z } from 'zod';
import type { SurveyQuestion } from '../../db/schema';
import { invalid, parseOrThrow } from '../../errors';

/** A survey holds at most this many questions, and a choice question at most this many options. */
export const MAX_QUESTIONS = 30;
export const MAX_OPTIONS = 12;

const line = (max: number) => z.string().trim().max(max, 'survey_error_too_long');
const required = (max: number) => line(max).min(1, 'surveyuses_error_required');
/** One option per line; blank lines are dropped. */
const lines = z
	.string()
	.optional()
	.default('')
	.transform((v) =>
		v
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean)
	);
const whole = (field: string, lo: number, hi: number) =>
	z
		.string()
		.trim()
		.optional()
		.default('')
		.refine((v) => /^\d{1,2}$/.test(v) && Number(v) >= lo && Number(v) <= hi, { message: `surveyuses_error_${field}` })
		.transform(Number);

const texts = { sv: required(300), en: required(300) };
const schemas = {
	text: z.object(texts),
	choice: z.object({
		...texts,
		optionsSv: lines.pipe(z.array(line(120)).min(2, 'surveyuses_error_options').max(MAX_OPTIONS, 'surveyuses_error_options')),
		optionsEn: lines.pipe(z.array(line(120)).max(MAX_OPTIONS, 'surveyuses_error_options'))
	}),
	scale: z.object({
		...texts,
		min: whole('min', 0, 1),
		max: whole('max', 2, 10),
		minLabelSv: required(80),
		minLabelEn: required(80),
		maxLabelSv: required(80),
		maxLabelEn: required(80)
	})
};
/** A question without its key (the editor gives it one). */
export type QuestionBody = SurveyQuestion extends infer Q ? (Q extends SurveyQuestion ? Omit<Q, 'key'> : never) : never;

export const QUESTION_KINDS = ['choice', 'scale', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * The question editor's form (decision 067): a kind, the question in Swedish and English, and for a choice question
 * its options (one per line, as many in English as in Swedish), for a scale its ends (0 or 1 up to 2–10) and their
 * labels in both languages. Returns the question without its key; INVALID with one issue per field.
 */
export function parseQuestion(values: Record<string, string>): QuestionBody {
	const kind = values.kind as QuestionKind;
	if (!QUESTION_KINDS.includes(kind)) throw invalid('kind', 'surveyuses_error_kind');
	if (kind === 'text') {
		const v = parseOrThrow(schemas.text, values);
		return { kind, sv: v.sv, en: v.en };
	}
	if (kind === 'choice') {
		const v = parseOrThrow(schemas.choice, values);
		if (v.optionsEn.length !== v.optionsSv.length) throw invalid('optionsEn', 'surveyuses_error_options_en');
		return { kind, sv: v.sv, en: v.en, options: v.optionsSv.map((sv, i) => ({ key: `o${i + 1}`, sv, en: v.optionsEn[i] })) };
	}
	const v = parseOrThrow(schemas.scale, values);
	return {
		kind,
		sv: v.sv,
		en: v.en,
		min: v.min,
		max: v.max,
		minLabel: { sv: v.minLabelSv, en: v.minLabelEn },
		maxLabel: { sv: v.maxLabelSv, en: v.maxLabelEn }
	};
}
