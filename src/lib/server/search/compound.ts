import { compoundPartStem, stemWord } from './stem';

const MAX_PARTS = 3;

type Split = { parts: string[]; shortest: number };

function better(a: Split | null, b: Split | null): Split | null {
	if (!a) return b;
	if (!b) return a;
	if (a.parts.length !== b.parts.length) return a.parts.length < b.parts.length ? a : b;
	return b.shortest > a.shortest ? b : a;
}

function splitFrom(word: string, at: number, partsLeft: number, minPart: number): Split | null {
	const rest = word.slice(at);
	let best: Split | null = null;
	if (at > 0 && rest.length >= minPart) {
		const last = stemWord(rest);
		if (last) best = { parts: [last], shortest: rest.length };
	}
	if (partsLeft <= 1) return best;
	for (let end = at + minPart; end <= word.length - minPart; end++) {
		const piece = word.slice(at, end);
		const stem = compoundPartStem(piece);
		if (!stem) continue;
		const tail = splitFrom(word, end, partsLeft - 1, minPart);
		if (!tail) continue;
		const candidate = { parts: [stem, ...tail.parts], shortest: Math.min(piece.length, tail.shortest) };
		best = better(best, candidate);
	}
	return best;
}

/**
 * The dictionary words a folded compound is made of, with the linking -s- (lösenordsbyte → lösenord + byte), the
 * last part stemmed (lösenordsbytet → … + byte); null when it is no compound the dictionary can explain. The
 * fewest parts win, then the split whose shortest part is longest. A word the dictionary knows (lösenord,
 * lärplattform) is not split: the short words inside it (lösen, ord) would only be noise.
 */
export function splitCompound(word: string): string[] | null {
	if (word.length < 6 || !/^\p{L}+$/u.test(word)) return null;
	if (stemWord(word) !== null) return null;
	const split = splitFrom(word, 0, MAX_PARTS, 3);
	return split && split.parts.length > 1 ? split.parts : null;
}
