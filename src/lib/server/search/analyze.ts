import { splitCompound } from './compound';
import { foldWord, wordsOf } from './fold';
import { stemWord } from './stem';
import { STOPWORDS } from './stopwords';

/** Longest word kept; longer "words" are pasted codes or links. */
const MAX_WORD = 40;

/** One word of a text as the search sees it: folded, its dictionary form, and the parts when it is a compound. */
export type AnalyzedWord = { folded: string; stem: string; parts: string[] };

/** Analyses one word, or null for a stop word or a single letter. */
export function analyzeWord(word: string): AnalyzedWord | null {
	const folded = foldWord(word).slice(0, MAX_WORD);
	if (STOPWORDS.has(folded) || (folded.length < 2 && !/\d/.test(folded))) return null;
	const stem = stemWord(folded);
	if (stem) return { folded, stem, parts: [] };
	const parts = splitCompound(folded) ?? [];
	return { folded, stem: folded, parts: parts.filter((p) => p !== folded) };
}

/** Analyses every word of a text, in order (stop words left out). */
export function analyzeWords(text: string): AnalyzedWord[] {
	return wordsOf(text)
		.map(analyzeWord)
		.filter((w): w is AnalyzedWord => w !== null);
}

/**
 * Turns Swedish text into search terms, in the text's order: lower-cased and folded (å/ä → a, ö → o, é → e), stop
 * words dropped, each word taken back to its dictionary form with the Swedish hunspell dictionary (lösenordet →
 * lösenord, kontot → konto), and a compound the dictionary does not know followed by its parts (lösenordsbyte →
 * lösenordsbyte, lösenord, byte). The same analysis runs on what is indexed and on what is searched.
 */
export function analyzeText(text: string): string[] {
	return analyzeWords(text).flatMap((w) => [w.stem, ...w.parts]);
}
