import { analyzeWords } from '../../search/analyze';
import { allowedEdits, editDistance } from '../../search/edit-distance';
import { ORIGIN_WEIGHT, type QueryGroup } from '../../search/query-terms';

/**
 * Below this confidence nothing is quoted: the turn is unanswered and a case is offered. Chosen on the search
 * evaluation set with off-topic questions added (decision 042): seven real questions in ten answered, few off-topic.
 */
export const CONFIDENCE_THRESHOLD = 0.55;
/** Most passages quoted in one answer, and from one article. */
export const MAX_QUOTED = 3;
const MAX_PER_ARTICLE = 2;
/** A second or third passage is quoted only when it is nearly as good as the best. */
const RUNNER_UP_GAP = 0.15;

/** How much each part of the confidence weighs: the words in passage and title, in the passage alone, the rank. */
const WEIGHT_COVERED = 0.45;
const WEIGHT_IN_PASSAGE = 0.25;
const WEIGHT_RANK = 0.3;

/**
 * One typed word of the question: the alternatives that stand for it (its form, parts, synonyms, corrections), each
 * with how much it counts, and how much the word itself weighs in the question (its rarity in the articles).
 */
export type QueryWord = { alternatives: { terms: string[]; weight: number }[]; weight: number };

/** The least a word weighs: a word in every article still counts a little. */
const MIN_WORD_WEIGHT = 0.3;
/** Rarity as the search ranks it (BM25's idf): a word no article holds weighs most, one in every article least. */
const idf = (documents: number, total: number) => Math.log(1 + (Math.max(total, documents) - documents + 0.5) / (documents + 0.5));

/** How many articles hold a term, and how many articles there are: for weighing the question's words. */
export type TermStatistics = { counts: Map<string, number>; total: number };

/**
 * The question's words with what may stand for each, from the search module's query groups (`words` long), plus the
 * corrections the search made for misspelt words (`extraTerms`: terms it searched for that no group holds), each
 * given to the typed word it is closest to.
 */
export function queryWordsOf(
	wordCount: number,
	groups: QueryGroup[],
	extraTerms: string[],
	typed: string[],
	stats?: TermStatistics
): QueryWord[] {
	const words: QueryWord[] = Array.from({ length: wordCount }, () => ({ alternatives: [], weight: 1 }));
	for (const g of groups) words[g.word]?.alternatives.push({ terms: g.terms, weight: ORIGIN_WEIGHT[g.origin] });
	const known = new Set(groups.flatMap((g) => g.terms));
	for (const term of extraTerms) {
		if (known.has(term)) continue;
		let best = -1;
		let bestDistance = Infinity;
		typed.forEach((w, i) => {
			const d = editDistance(w, term, allowedEdits(w));
			if (d <= allowedEdits(w) && d < bestDistance) [best, bestDistance] = [i, d];
		});
		if (best >= 0) words[best].alternatives.push({ terms: [term], weight: ORIGIN_WEIGHT.correction });
	}
	if (stats) {
		// A word is as common as the most common of its alternatives (an alternative of several words: its rarest).
		const documents = (terms: string[]) => Math.min(...terms.map((t) => stats.counts.get(t) ?? 0));
		for (const w of words) {
			const n = Math.max(0, ...w.alternatives.map((a) => documents(a.terms)));
			w.weight = Math.max(MIN_WORD_WEIGHT, idf(n, stats.total));
		}
	}
	return words;
}

/** The search terms a text holds: every word's dictionary form, its folded form and its compound parts. */
export function termsOf(text: string): Set<string> {
	return new Set(analyzeWords(text).flatMap((w) => [w.stem, w.folded, ...w.parts]));
}

/**
 * The share of the question's words a text holds, 0–1, each word weighed by its rarity: a word that no article holds
 * ("hunden" in "kan jag ta med hunden till jobbet") weighs most, so a question about something the knowledge base
 * does not cover stays below the threshold even when its common words are found. Each word counts by the best
 * alternative found (the word itself 1, a correction 0.7, a compound part 0.6, a synonym 0.5).
 */
export function coverage(terms: Set<string>, words: QueryWord[]): number {
	const total = words.reduce((s, w) => s + w.weight, 0);
	if (total === 0) return 0;
	let sum = 0;
	for (const w of words) {
		const found = w.alternatives.filter((a) => a.terms.every((t) => terms.has(t))).map((a) => a.weight);
		sum += w.weight * (found.length ? Math.max(...found) : 0);
	}
	return sum / total;
}

/** The search rank squashed to 0–1: a rank of 1 (a title hit of a rare word) is 0.5. */
export const rankShare = (rank: number) => (rank > 0 ? rank / (rank + 1) : 0);

/** A passage the assistant might quote, with its article's place and rank. */
export type Candidate<A> = { article: A; text: string; articleRank: number; order: number };
export type ScoredCandidate<A> = Candidate<A> & { score: number; inPassage: number };

/**
 * How sure the assistant is that a passage answers the question, 0–1: the words it and its article's title hold
 * (the quote is shown under the title), the words it holds alone, and how well the search ranked its article.
 */
export function scorePassage(passageTerms: Set<string>, titleTerms: Set<string>, words: QueryWord[], articleRank: number) {
	const inPassage = coverage(passageTerms, words);
	const covered = coverage(new Set([...passageTerms, ...titleTerms]), words);
	const score = WEIGHT_COVERED * covered + WEIGHT_IN_PASSAGE * inPassage + WEIGHT_RANK * rankShare(articleRank);
	return { score: Math.round(score * 1000) / 1000, inPassage };
}

/**
 * The passages to quote, best first: the best one if it reaches the threshold, and up to two more that reach it
 * too and come close to the best (at most two from one article). A passage that holds none of the question's words
 * is never quoted, whatever its title. Empty: nothing is sure enough.
 */
export function choosePassages<A extends { id: string }>(scored: ScoredCandidate<A>[], threshold = CONFIDENCE_THRESHOLD) {
	const usable = scored
		.filter((c) => c.inPassage > 0)
		.sort((a, b) => b.score - a.score || b.articleRank - a.articleRank || a.order - b.order);
	const best = usable[0];
	if (!best || best.score < threshold) return { chosen: [] as ScoredCandidate<A>[], confidence: best?.score ?? 0 };
	const chosen: ScoredCandidate<A>[] = [];
	const perArticle = new Map<string, number>();
	for (const c of usable) {
		if (chosen.length >= MAX_QUOTED || c.score < threshold || c.score < best.score - RUNNER_UP_GAP) break;
		const n = perArticle.get(c.article.id) ?? 0;
		if (n >= MAX_PER_ARTICLE) continue;
		perArticle.set(c.article.id, n + 1);
		chosen.push(c);
	}
	return { chosen, confidence: best.score };
}
