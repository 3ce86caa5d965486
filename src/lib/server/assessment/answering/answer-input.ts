/** The shape of one answer as it comes from a form, and how it is read. Pure; shared by the domain and routes. */
import { LEVELS, NON_LEVEL_ANSWERS } from '../framework/framework-schema';

/** One item's answer: a value ('1'–'4', 'dont_know', 'not_applicable' or '' for none) and a comment. */
export type AnswerInput = { itemKey: string; value: string; comment: string };

export const MAX_COMMENT = 2000;

/** Every value an answer may have. */
export const ANSWER_VALUES: readonly string[] = [...LEVELS.map(String), ...Object.keys(NON_LEVEL_ANSWERS)];

/** Field names on the answer form: `answer.<item key>` (radio buttons) and `comment.<item key>` (textarea). */
export const answerField = (key: string) => `answer.${key}`;
export const commentField = (key: string) => `comment.${key}`;

/** The answers in a submitted form, one per item key named by either field, in form order. */
export function readAnswerForm(data: FormData): AnswerInput[] {
	const byKey = new Map<string, AnswerInput>();
	const get = (key: string) => byKey.get(key) ?? byKey.set(key, { itemKey: key, value: '', comment: '' }).get(key)!;
	for (const [name, v] of data) {
		if (typeof v !== 'string') continue;
		if (name.startsWith('answer.')) get(name.slice(7)).value = v;
		else if (name.startsWith('comment.')) get(name.slice(8)).comment = v;
	}
	return [...byKey.values()];
}

/** A stored answer as a form value. */
export const storedValue = (a: { level: number | null; special: string | null }) =>
	a.level !== null ? String(a.level) : (a.special ?? '');
