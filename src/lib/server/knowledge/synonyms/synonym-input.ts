import { invalid } from '../../errors';

/** At most this many words in one group, and this many characters in one word or phrase. */
export const MAX_GROUP_WORDS = 20;
export const MAX_WORD_LENGTH = 60;

/**
 * The words of a synonym group as typed: one per line or separated by commas, in lower case, with runs of spaces
 * made one and repeats dropped. Refused beside the field: fewer than two words, too many, too long, or a "word"
 * without a letter or digit.
 */
export function parseSynonymWords(typed: string): string[] {
	const words = [
		...new Set(
			typed
				.split(/[,\n;]/)
				.map((w) => w.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv-SE'))
				.filter((w) => w.length > 0)
		)
	];
	if (words.length < 2) throw invalid('words', 'kb_synonyms_error_too_few');
	if (words.length > MAX_GROUP_WORDS) throw invalid('words', 'kb_synonyms_error_too_many');
	if (words.some((w) => w.length > MAX_WORD_LENGTH)) throw invalid('words', 'kb_synonyms_error_too_long');
	if (words.some((w) => !/[\p{L}\p{N}]/u.test(w))) throw invalid('words', 'kb_synonyms_error_no_letters');
	return words;
}
