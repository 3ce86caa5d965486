/** What the answering pages are sent: texts in the reader's language, the respondent's own answers, no ids beyond the item keys. */
import { LEVELS, NON_LEVEL_ANSWERS } from '../framework/framework-schema';
import type { ResponseProgress } from './get-response-progress';
import type { AnswerContext } from './respondent';

type Locale = 'sv' | 'en';
type Option = { value: string; label: string };

/** Perspectives in URLs, in Swedish. */
export const PERSPECTIVE_SLUGS: Record<string, string> = {
	leadership: 'ledning',
	staff: 'personal',
	students: 'elever',
	key_people: 'nyckelpersoner'
};
export const perspectiveOfSlug = (slug: string) => Object.keys(PERSPECTIVE_SLUGS).find((p) => PERSPECTIVE_SLUGS[p] === slug) ?? null;

/** The round and unit the respondent answers for, and where their response stands. */
export function presentAnswerContext(ctx: AnswerContext) {
	return {
		roundName: ctx.round.name,
		unitName: ctx.unit.name,
		perspective: ctx.perspective,
		status: ctx.status,
		opensOn: ctx.round.opensOn,
		closesOn: ctx.round.closesOn,
		started: !!ctx.response,
		submittedAt: ctx.response?.submittedAt ?? null
	};
}

const nonLevel = (locale: Locale): Option[] =>
	(Object.keys(NON_LEVEL_ANSWERS) as (keyof typeof NON_LEVEL_ANSWERS)[]).map((k) => ({ value: k, label: NON_LEVEL_ANSWERS[k][locale] }));

/** One sub-goal page: its items with the level descriptors as options, and where it sits among the others. Null for an unknown sub-goal. */
export function presentSubGoalPage(p: ResponseProgress, subGoalId: string | null, locale: Locale) {
	const index = subGoalId === null ? 0 : p.subGoals.findIndex((s) => s.id === subGoalId);
	const sg = p.subGoals[index];
	if (!sg) return null;
	return {
		index,
		count: p.subGoals.length,
		answered: p.answered,
		total: p.total,
		previousId: p.subGoals[index - 1]?.id ?? null,
		nextId: p.subGoals[index + 1]?.id ?? null,
		subGoal: {
			id: sg.id,
			title: sg.title[locale],
			answered: sg.answered,
			items: sg.items.map((i) => ({
				key: i.key,
				statement: i.statement[locale],
				levels: LEVELS.map((l) => ({ value: String(l), label: i.levels[l][locale] })),
				value: p.answers[i.key]?.value ?? '',
				comment: p.answers[i.key]?.comment ?? ''
			}))
		},
		nonLevel: nonLevel(locale)
	};
}

/** Every sub-goal with the respondent's answer per item in words, for the review before submitting. */
export function presentReview(p: ResponseProgress, locale: Locale) {
	const label = (item: ResponseProgress['subGoals'][number]['items'][number], value: string | undefined) => {
		if (!value) return null;
		if (value in NON_LEVEL_ANSWERS) return NON_LEVEL_ANSWERS[value as keyof typeof NON_LEVEL_ANSWERS][locale];
		return { level: Number(value), text: item.levels[Number(value) as 1 | 2 | 3 | 4][locale] };
	};
	return {
		answered: p.answered,
		total: p.total,
		subGoals: p.subGoals.map((sg) => ({
			id: sg.id,
			title: sg.title[locale],
			answered: sg.answered,
			count: sg.items.length,
			items: sg.items.map((i) => {
				const a = label(i, p.answers[i.key]?.value);
				return {
					key: i.key,
					statement: i.statement[locale],
					level: typeof a === 'object' && a ? a.level : null,
					answer: typeof a === 'object' && a ? a.text : a,
					comment: p.answers[i.key]?.comment ?? ''
				};
			})
		}))
	};
}

export type SubGoalPage = NonNullable<ReturnType<typeof presentSubGoalPage>>;
export type Review = ReturnType<typeof presentReview>;
export type PresentedAnswerContext = ReturnType<typeof presentAnswerContext>;
