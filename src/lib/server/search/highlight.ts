import { analyzeText } from './analyze';

/** A piece of a snippet; `hit` pieces are shown marked (<mark>). Plain text: the view escapes it. */
export type SnippetPart = { text: string; hit: boolean };

/**
 * The part of `text` around the first matching word, at most `maxLength` characters, with every word whose
 * analysed form is among `terms` marked. PLACEHOLDER (phase 0): the search helper may refine it.
 */
export function highlightSnippet(text: string, terms: string[], maxLength = 200): SnippetPart[] {
	const wanted = new Set(terms);
	const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
	const isHit = (w: string) => analyzeText(w).some((t) => wanted.has(t));
	const first = words.find((m) => isHit(m[0]));
	let start = first ? Math.max(0, (first.index ?? 0) - Math.floor(maxLength / 3)) : 0;
	if (start > 0) start = text.indexOf(' ', start) + 1 || start;
	const slice = text.slice(start, start + maxLength);
	const parts: SnippetPart[] = [];
	if (start > 0) parts.push({ text: '…', hit: false });
	let at = 0;
	for (const m of slice.matchAll(/[\p{L}\p{N}]+/gu)) {
		if (!isHit(m[0])) continue;
		if ((m.index ?? 0) > at) parts.push({ text: slice.slice(at, m.index), hit: false });
		parts.push({ text: m[0], hit: true });
		at = (m.index ?? 0) + m[0].length;
	}
	if (at < slice.length) parts.push({ text: slice.slice(at), hit: false });
	if (start + maxLength < text.length) parts.push({ text: '…', hit: false });
	return parts;
}
