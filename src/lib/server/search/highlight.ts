import { analyzeWord, type AnalyzedWord } from './analyze';
import { boundedMemo } from '../bounded-memo';

/** A piece of a snippet; `hit` pieces are shown marked (<mark>). Plain text: the view escapes it. */
export type SnippetPart = { text: string; hit: boolean };

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * analyzeWord, remembered (at most 50 000 words): a lookup's snippets analyse every word of up to 50 texts until the
 * first hit, 10–20 ms of the process's CPU on bench-01 (decision 076), and the same words recur in every text and
 * every search.
 */
const analysed = boundedMemo<AnalyzedWord | null>(50_000);
const analyzedWord = (word: string) => analysed(word, () => analyzeWord(word));

/**
 * The part of `text` around the first matching word, at most `maxLength` characters, with every word whose
 * analysed form (its dictionary form or one of its compound parts, folded) is among `terms` marked.
 */
export function highlightSnippet(text: string, terms: string[], maxLength = 200): SnippetPart[] {
	const wanted = new Set(terms);
	const isHit = (w: string) => {
		const a = analyzedWord(w);
		return a !== null && (wanted.has(a.stem) || wanted.has(a.folded) || a.parts.some((p) => wanted.has(p)));
	};
	// The first hit, read word by word: a body's words are not all listed first (most hits come early, and a result
	// list reads up to 50 bodies).
	let first: RegExpExecArray | undefined;
	for (const m of text.matchAll(WORD))
		if (isHit(m[0])) {
			first = m;
			break;
		}
	let start = first ? Math.max(0, (first.index ?? 0) - Math.floor(maxLength / 3)) : 0;
	if (start > 0) start = text.indexOf(' ', start) + 1 || start;
	const slice = text.slice(start, start + maxLength);
	const parts: SnippetPart[] = [];
	if (start > 0) parts.push({ text: '…', hit: false });
	let at = 0;
	for (const m of slice.matchAll(WORD)) {
		if (!isHit(m[0])) continue;
		if ((m.index ?? 0) > at) parts.push({ text: slice.slice(at, m.index), hit: false });
		parts.push({ text: m[0], hit: true });
		at = (m.index ?? 0) + m[0].length;
	}
	if (at < slice.length) parts.push({ text: slice.slice(at), hit: false });
	if (start + maxLength < text.length) parts.push({ text: '…', hit: false });
	return parts;
}
