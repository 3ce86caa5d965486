/** At most this many words of a search go into the query; the rest are ignored. */
const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 60;

/**
 * Turns anything a person types into a safe `to_tsquery` text: only letters and digits survive
 * (so quotes, `&|!():*` and the like cannot change the query's meaning), words are joined with
 * AND, and the last word matches as a prefix (`:*`) so results appear while a word is half-typed.
 * Null when nothing searchable is left.
 */
export function toPrefixTsquery(input: string | null | undefined): string | null {
	const words = (input ?? '')
		.slice(0, 500)
		.normalize('NFC')
		.toLocaleLowerCase('sv-SE')
		.match(/[\p{L}\p{N}]+/gu);
	if (!words) return null;
	const picked = words.slice(0, MAX_WORDS).map((w) => w.slice(0, MAX_WORD_LENGTH));
	return picked.map((w, i) => (i === picked.length - 1 ? `${w}:*` : w)).join(' & ');
}

/** A search that is only a case number ("123" or "#123") also finds that case. */
export function caseNumberIn(input: string | null | undefined): number | null {
	const m = (input ?? '').trim().match(/^#?(\d{1,9})$/);
	return m ? Number(m[1]) : null;
}
