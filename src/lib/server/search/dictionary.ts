import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { foldWord } from './fold';

/** One suffix rule of the hunspell affix file: a word with `flag` that ends in `cond` loses `strip` and gains the suffix. */
export type SuffixRule = { flag: string; strip: string; cond: RegExp | null };

/**
 * The Swedish hunspell dictionary (npm `dictionary-sv`, LGPL-3.0) in the form the analysis needs, everything folded
 * (foldWord): the dictionary's words with their flags, and its suffix rules keyed by the suffix they add (so a word
 * is taken apart by looking up its last 0–9 letters). Rules whose result may only begin a compound ("lösenords-",
 * "tjänste-") are kept apart.
 */
export type SwedishDictionary = {
	words: Map<string, string>;
	bySuffix: Map<string, SuffixRule[]>;
	compoundBySuffix: Map<string, SuffixRule[]>;
	/** Longest suffix any rule adds. */
	maxSuffix: number;
	loadMs: number;
};

let loaded: SwedishDictionary | null = null;

function dictionaryFolder(): string {
	const require = createRequire(import.meta.url);
	return path.dirname(require.resolve('dictionary-sv'));
}

/** A hunspell condition ("[^aeiou]a", ".") as a test on the end of the stem, folded like the words. */
function conditionOf(cond: string | undefined): RegExp | null {
	if (!cond || cond === '.') return null;
	try {
		return new RegExp(`${foldWord(cond).replace(/-/g, '\\-')}$`, 'u');
	} catch {
		return null;
	}
}

function addRule(map: Map<string, SuffixRule[]>, suffix: string, rule: SuffixRule) {
	const list = map.get(suffix);
	if (list) list.push(rule);
	else map.set(suffix, [rule]);
}

/** Parses the affix and word files. Exported for the load measurement in the specs; use `swedishDictionary()`. */
export function parseDictionary(aff: string, dic: string): Omit<SwedishDictionary, 'loadMs'> {
	const bySuffix = new Map<string, SuffixRule[]>();
	const compoundBySuffix = new Map<string, SuffixRule[]>();
	let maxSuffix = 0;
	for (const line of aff.split('\n')) {
		const m = line.match(/^SFX\s+(\S)\s+(\S+)\s+(\S+)(?:\s+(\S+))?/);
		if (!m || m[3] === 'Y' || m[3] === 'N') continue; // the block's header
		const [, flag, strip, addField, cond] = m;
		const [addRaw, continuation = ''] = addField.split('/');
		const add = foldWord(addRaw === '0' ? '' : addRaw).replace(/[-:]/g, '');
		const rule = { flag, strip: strip === '0' ? '' : foldWord(strip), cond: conditionOf(cond) };
		// Forms that only begin a compound carry the compound flags W/X as continuation.
		const compound = /[WX]/.test(continuation) || addRaw.endsWith('-');
		addRule(compound ? compoundBySuffix : bySuffix, add, rule);
		maxSuffix = Math.max(maxSuffix, add.length);
	}
	// With the same suffix, a rule that strips nothing goes first: "texter" is the plural of text before it is texta.
	for (const list of bySuffix.values()) list.sort((a, b) => Number(a.strip !== '') - Number(b.strip !== ''));
	const words = new Map<string, string>();
	const lines = dic.split('\n');
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i];
		if (!line) continue;
		const slash = line.indexOf('/');
		const word = foldWord(slash < 0 ? line.trim() : line.slice(0, slash));
		if (!/^\p{L}[\p{L}\p{N}]*$/u.test(word)) continue;
		const flags = slash < 0 ? '' : line.slice(slash + 1).trim();
		const had = words.get(word);
		words.set(word, had === undefined ? flags : had + flags);
	}
	return { words, bySuffix, compoundBySuffix, maxSuffix };
}

/**
 * The dictionary, loaded once on first use (about 0.3 s and 25 MB of heap: decision 039) and kept for the
 * process's life. Synchronous so that `analyzeText` can stay a plain function.
 */
export function swedishDictionary(): SwedishDictionary {
	if (loaded) return loaded;
	const started = performance.now();
	const folder = dictionaryFolder();
	const aff = fs.readFileSync(path.join(folder, 'index.aff'), 'utf8');
	const dic = fs.readFileSync(path.join(folder, 'index.dic'), 'utf8');
	loaded = { ...parseDictionary(aff, dic), loadMs: performance.now() - started };
	return loaded;
}
