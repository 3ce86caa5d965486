const OTHER: Record<string, string> = { æ: 'a', ø: 'o', ß: 'ss', ð: 'd', þ: 'th', ł: 'l' };

/**
 * Lower-cases and folds a word to plain letters: å/ä → a, ö → o, é → e, ü → u and every other accent dropped, so
 * `losenord` typed without ö meets `lösenord`. Used on both sides: what is indexed and what is searched.
 */
export function foldWord(word: string): string {
	const lower = word.toLowerCase();
	if (/^[a-z0-9]*$/.test(lower)) return lower;
	return lower
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[æøßðþł]/g, (c) => OTHER[c] ?? c);
}

/** The words of a text (letters and digits), in order, as typed. */
export function wordsOf(text: string): string[] {
	return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}
