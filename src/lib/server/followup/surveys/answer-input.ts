import type { FieldIssue } from '../../errors';
import type { SurveyQuestion } from '../../db/schema';

/** Free text is kept to this many characters. */
export const MAX_TEXT = 2000;

/** The form field of a question. */
export const fieldOf = (q: { key: string }) => `q_${q.key}`;

export type ParsedAnswer = { questionKey: string; value: number | null; choice: string | null; text: string | null };

/**
 * Reads a respondent's form: every scale and choice question must be answered with one of its values, free text is
 * optional and at most MAX_TEXT characters. Returns the answers, or the issues (one per field, a message key).
 */
export function parseSurveyAnswers(questions: SurveyQuestion[], values: Record<string, string>) {
	const answers: ParsedAnswer[] = [];
	const issues: FieldIssue[] = [];
	for (const q of questions) {
		const field = fieldOf(q);
		const raw = (values[field] ?? '').trim();
		if (q.kind === 'scale') {
			const n = /^-?\d{1,3}$/.test(raw) ? Number(raw) : NaN;
			if (!(n >= q.min && n <= q.max)) issues.push({ field, message: 'survey_error_scale', params: { min: q.min, max: q.max } });
			else answers.push({ questionKey: q.key, value: n, choice: null, text: null });
		} else if (q.kind === 'choice') {
			if (!q.options.some((o) => o.key === raw)) issues.push({ field, message: 'survey_error_choice' });
			else answers.push({ questionKey: q.key, value: null, choice: raw, text: null });
		} else if (raw.length > MAX_TEXT) {
			issues.push({ field, message: 'survey_error_text_long', params: { max: MAX_TEXT } });
		} else if (raw) {
			answers.push({ questionKey: q.key, value: null, choice: null, text: raw });
		}
	}
	return { answers, issues };
}
