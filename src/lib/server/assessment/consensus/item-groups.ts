import { isSpread, mediansDiffer, summarizeAnswers, type Distribution } from './distribution';

export type GroupSummary = {
	perspective: string;
	/** Answers to this item in the group (a response without an answer to it does not count); null when hidden. */
	responses: number | null;
	shown: boolean;
	/** Null when the group is suppressed. */
	distribution: Distribution | null;
	spread: boolean;
};

export type ItemGroups = {
	groups: GroupSummary[];
	/** Comments of shown groups only, in text order so nothing hints at who wrote which. */
	comments: { perspective: string; text: string }[];
	mediansApart: boolean;
	disagreement: boolean;
};

type AnswerRow = { perspective: string; itemKey: string; level: number | null; special: string | null; comment: string | null };

/**
 * Whether a perspective's answers to the item may be shown, given how many of the group answered
 * this item (see samsyn-visibility.ts for the consensus page's rule).
 */
export type GroupVisible = (perspective: string, answered: number) => boolean;

/**
 * Per perspective that answers the item: the distribution when `visible` allows it, nothing when
 * not. Group sizes are the answers to this item, never the submitted responses, so empty
 * submissions cannot pad a group. Disagreement looks at shown groups only, so it never hints at a hidden one.
 */
export function buildItemGroups(
	item: { key: string; perspectives: readonly string[] },
	roundPerspectives: readonly string[],
	answers: AnswerRow[],
	visible: GroupVisible
): ItemGroups {
	const perspectives = roundPerspectives.filter((p) => item.perspectives.includes(p));
	const groups: GroupSummary[] = perspectives.map((perspective) => {
		const mine = answers.filter((a) => a.perspective === perspective && a.itemKey === item.key);
		const shown = visible(perspective, mine.length);
		const distribution = shown ? summarizeAnswers(mine) : null;
		return {
			perspective,
			responses: shown ? mine.length : null,
			shown,
			distribution,
			spread: distribution ? isSpread(distribution) : false
		};
	});
	const shownPerspectives = new Set(groups.filter((g) => g.shown).map((g) => g.perspective));
	const comments = answers
		.filter((a) => a.itemKey === item.key && shownPerspectives.has(a.perspective) && a.comment && a.comment.trim())
		.map((a) => ({ perspective: a.perspective, text: a.comment!.trim() }))
		.sort((x, y) => x.perspective.localeCompare(y.perspective) || x.text.localeCompare(y.text, 'sv'));
	const mediansApart = mediansDiffer(groups.map((g) => g.distribution?.median ?? null));
	return { groups, comments, mediansApart, disagreement: mediansApart || groups.some((g) => g.spread) };
}
