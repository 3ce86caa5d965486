import { analyzeWords, type AnalyzedWord } from './analyze';
import { foldWord, wordsOf } from './fold';
import { SCHOOL_IT_SYNONYMS } from './synonyms';

/** At most this many words of a search are used; the rest are ignored. */
export const MAX_QUERY_WORDS = 12;

/** Where a query term came from; each counts less than what was typed. */
export type TermOrigin = 'word' | 'part' | 'prefix' | 'synonym' | 'correction';
export const ORIGIN_WEIGHT: Record<TermOrigin, number> = { word: 1, part: 0.6, prefix: 0.8, synonym: 0.5, correction: 0.7 };

/**
 * One alternative of the OR-query: all of `terms` must be there (a synonym of several words), `prefix` matches
 * starts. `word` is the typed word it stands for (its index in the analysed words).
 */
export type QueryGroup = { terms: string[]; origin: TermOrigin; prefix?: boolean; word: number };

type SynonymGroup = string[][];
const analysedGroups = new WeakMap<readonly (readonly string[])[], SynonymGroup[]>();

/** Each member of each synonym group as the sequence of its analysed words. */
export function analyseSynonyms(groups: readonly (readonly string[])[]): SynonymGroup[] {
	const known = analysedGroups.get(groups);
	if (known) return known;
	const out = groups.map((g) => g.map((member) => analyzeWords(member).map((w) => w.stem)).filter((m) => m.length > 0));
	analysedGroups.set(groups, out);
	return out;
}

/** Where `run` begins in `seq`, or -1. */
const runAt = (seq: string[], run: string[]) => seq.findIndex((_, i) => run.every((t, k) => seq[i + k] === t));

/**
 * The alternatives of the OR-query for what someone typed: each word's dictionary form, a compound's parts, the
 * synonyms of any word, phrase or part (shipped list plus `extraSynonyms`), and with `prefixLast` the last word as a
 * prefix too (as-you-type suggestions). Corrections of misspellings are added later, against the lexicon.
 */
export function queryGroups(query: string, opts: { prefixLast?: boolean; extraSynonyms?: string[][] } = {}) {
	const raw = wordsOf(query.slice(0, 500));
	// Each word once: "script … script" is one word of the query.
	const words: AnalyzedWord[] = [...new Map(analyzeWords(raw.slice(0, MAX_QUERY_WORDS).join(' ')).map((w) => [w.stem, w])).values()];
	const groups: QueryGroup[] = [];
	const seen = new Set<string>();
	const add = (g: QueryGroup) => {
		const key = `${g.prefix ? '*' : ''}${g.terms.join('&')}`;
		if (seen.has(key)) return;
		seen.add(key);
		groups.push(g);
	};
	words.forEach((w, i) => {
		add({ terms: [w.stem], origin: 'word', word: i });
		for (const p of w.parts) add({ terms: [p], origin: 'part', word: i });
	});
	const lastRaw = raw.length > 0 && raw.length <= MAX_QUERY_WORDS ? foldWord(raw[raw.length - 1]) : null;
	if (opts.prefixLast && lastRaw && lastRaw.length >= 2 && words.at(-1)?.folded === lastRaw)
		add({ terms: [lastRaw], origin: 'prefix', prefix: true, word: words.length - 1 });
	const stems = words.map((w) => w.stem);
	// Which word a synonym stands in for: the word (or the first word of the phrase) that matched the group.
	const wordOf = (member: string[]) =>
		member.length === 1 ? words.findIndex((w) => w.stem === member[0] || w.parts.includes(member[0])) : runAt(stems, member);
	const synonymGroups = [...analyseSynonyms(SCHOOL_IT_SYNONYMS), ...analyseSynonyms(opts.extraSynonyms ?? [])];
	for (const group of synonymGroups) {
		const word = group.map(wordOf).find((i) => i >= 0);
		if (word === undefined) continue;
		for (const member of group) add({ terms: member, origin: 'synonym', word });
	}
	return { words, groups };
}
