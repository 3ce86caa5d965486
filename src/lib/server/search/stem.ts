import { swedishDictionary, type SuffixRule } from './dictionary';
import { boundedMemo } from '../bounded-memo';

/** Flags of words that are no word alone (hunspell NEEDAFFIX ¤, ONLYINCOMPOUND Z, FORBIDDENWORD %). */
const NOT_ALONE = /[¤Z%]/;

/**
 * Flag T derives agent nouns and adjectives (skriva → skrivare, typ → typisk): a different word, not a form of the
 * same one. Its forms are taken back to that derived word, never to the verb, so "skrivare" does not find "skriver".
 */
function derivedLemma(base: string, suffix: string): string {
	if (suffix.startsWith('isk')) return `${base}isk`;
	return base.endsWith('a') ? `${base}re` : `${base}are`;
}

/** Stems remembered per process (a Swedish text's words repeat, the list stays small). */
const stems = boundedMemo<string | null>(50_000);

function findStem(word: string): string | null {
	const { words, bySuffix, maxSuffix } = swedishDictionary();
	const own = words.get(word);
	if (own !== undefined && !NOT_ALONE.test(own)) return word;
	// The shortest suffix that takes the word back to a dictionary word with the rule's flag wins (lärarna →
	// lärare, not lär).
	for (let n = 1; n <= Math.min(maxSuffix, word.length - 2); n++) {
		const rules = bySuffix.get(word.slice(word.length - n));
		if (!rules) continue;
		const found = baseFor(word.slice(0, word.length - n), rules, words);
		if (found) return found.rule.flag === 'T' ? derivedLemma(found.base, word.slice(word.length - n)) : found.base;
	}
	return null;
}

function baseFor(rest: string, rules: SuffixRule[], words: Map<string, string>) {
	for (const rule of rules) {
		const base = rest + rule.strip;
		if (base.length < 2) continue;
		const flags = words.get(base);
		if (flags === undefined || !flags.includes(rule.flag)) continue;
		if (rule.cond && !rule.cond.test(base)) continue;
		return { base, rule };
	}
	return null;
}

/**
 * The dictionary form of a folded word by stripping the hunspell suffix rules (lösenordet → lösenord, kontot →
 * konto, projektorn → projektor, skrivaren → skrivare), or null when the dictionary does not know it.
 */
export function stemWord(word: string): string | null {
	return stems(word, () => findStem(word));
}

/**
 * The dictionary word a compound's first or middle part stands for: a word as it is ("lösenord"), a compound form
 * by the dictionary's rules ("tjänste-" → tjänst), a word with the linking -s- ("lösenords" → lösenord), or
 * one that dropped its last vowel ("skrivar" → skrivare).
 */
export function compoundPartStem(part: string): string | null {
	const { words, compoundBySuffix, maxSuffix } = swedishDictionary();
	const own = words.get(part);
	if (own !== undefined && !NOT_ALONE.test(own)) return part;
	// A form that only lives inside compounds ("skrivar") stands for its full word when there is one.
	if (own !== undefined) return (words.has(`${part}a`) ? `${part}a` : stemWord(`${part}e`)) ?? part;
	if (part.endsWith('s') && words.has(part.slice(0, -1))) return part.slice(0, -1);
	for (let n = Math.min(maxSuffix, part.length - 2); n >= 0; n--) {
		const rules = compoundBySuffix.get(part.slice(part.length - n));
		if (!rules) continue;
		const found = baseFor(part.slice(0, part.length - n), rules, words);
		if (found) return found.base;
	}
	// A dropped final e or a (skrivar- → skrivare, skol- → skola).
	if (words.has(`${part}a`)) return `${part}a`;
	return stemWord(`${part}e`);
}
