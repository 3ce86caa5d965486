import { isShown } from '../reports/suppress';
import { isSpread, mediansDiffer, summarizeAnswers, type Distribution } from './distribution';

export type GroupSummary = {
	perspective: string;
	/** Submitted responses in the group (for the unit, not only this item); null when the group is hidden. */
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
 * Per perspective that answers the item: the distribution when the group is large enough,
 * nothing when it is not. Disagreement looks at shown groups only, so it never hints at a hidden one.
 */
export function buildItemGroups(
	item: { key: string; perspectives: readonly string[] },
	roundPerspectives: readonly string[],
	counts: Map<string, number>,
	answers: AnswerRow[],
	threshold: number
): ItemGroups {
	const perspectives = roundPerspectives.filter((p) => item.perspectives.includes(p));
	const groups: GroupSummary[] = perspectives.map((perspective) => {
		const responses = counts.get(perspective) ?? 0;
		// An empty group has nothing to hide: it shows as zeros rather than as suppressed.
		const shown = responses === 0 || isShown(responses, threshold);
		const distribution = shown ? summarizeAnswers(answers.filter((a) => a.perspective === perspective && a.itemKey === item.key)) : null;
		return { perspective, responses: shown ? responses : null, shown, distribution, spread: distribution ? isSpread(distribution) : false };
	});
	const shownPerspectives = new Set(groups.filter((g) => g.shown).map((g) => g.perspective));
	const comments = answers
		.filter((a) => a.itemKey === item.key && shownPerspectives.has(a.perspective) && a.comment && a.comment.trim())
		.map((a) => ({ perspective: a.perspective, text: a.comment!.trim() }))
		.sort((x, y) => x.perspective.localeCompare(y.perspective) || x.text.localeCompare(y.text, 'sv'));
	const mediansApart = mediansDiffer(groups.map((g) => g.distribution?.median ?? null));
	return { groups, comments, mediansApart, disagreement: mediansApart || groups.some((g) => g.spread) };
}
