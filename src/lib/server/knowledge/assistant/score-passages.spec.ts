import { describe, expect, it } from 'vitest';
import { queryGroups } from '../../search/query-terms';
import {
	CONFIDENCE_THRESHOLD,
	choosePassages,
	coverage,
	queryWordsOf,
	scorePassage,
	termsOf,
	type ScoredCandidate
} from './score-passages';

const wordsFor = (question: string, extra: string[] = []) => {
	const { words, groups } = queryGroups(question);
	return queryWordsOf(
		words.length,
		groups,
		extra,
		words.map((w) => w.folded)
	);
};

describe('scoring passages by the question’s words', () => {
	it('finds a word typed without å/ä/ö and in another form', () => {
		const words = wordsFor('losenordet larplattformen');
		expect(coverage(termsOf('Byt lösenord i lärplattformen.'), words)).toBe(1);
	});

	it('counts a compound’s part less than the word itself', () => {
		const words = wordsFor('lösenordsbyte');
		const part = coverage(termsOf('Så byter du lösenord.'), words);
		expect(part).toBeGreaterThan(0);
		expect(part).toBeLessThan(1);
	});

	it('counts a synonym of the school IT list', () => {
		const words = wordsFor('chromebook');
		expect(coverage(termsOf('Starta om elevdatorn.'), words)).toBe(0.5);
		expect(coverage(termsOf('Starta om projektorn.'), words)).toBe(0);
	});

	it('weighs a word no article holds above a word most articles hold', () => {
		const { words, groups } = queryGroups('hunden jobbet');
		const stats = { counts: new Map([['jobb', 90]]), total: 100 };
		const weighed = queryWordsOf(words.length, groups, [], ['hunden', 'jobbet'], stats);
		expect(weighed[0].weight).toBeGreaterThan(weighed[1].weight);
		// Finding the common word alone is far from half of the question.
		expect(coverage(termsOf('Logga in på jobbet.'), weighed)).toBeLessThan(0.2);
		expect(coverage(termsOf('Logga in på jobbet.'), wordsFor('hunden jobbet'))).toBe(0.5);
	});

	it('gives a misspelt word to the correction the search made for it', () => {
		const words = wordsFor('projektron', ['projektorn']);
		expect(coverage(termsOf('Projektorn blinkar.'), words)).toBeCloseTo(0.7);
	});

	it('scores a passage holding the words above one holding few, and the title counts toward it', () => {
		const words = wordsFor('skrivaren skriver inte ut dubbelsidigt');
		const title = termsOf('Utskrifter');
		const full = scorePassage(termsOf('Välj dubbelsidigt när skrivaren frågar, annars skriver den ut enkelsidigt.'), title, words, 1);
		const thin = scorePassage(termsOf('Skrivaren står i personalrummet.'), title, words, 1);
		expect(full.score).toBeGreaterThan(thin.score);
		expect(full.score).toBeGreaterThanOrEqual(CONFIDENCE_THRESHOLD);
		expect(thin.score).toBeLessThan(CONFIDENCE_THRESHOLD);
	});
});

const candidate = (id: string, order: number, score: number, inPassage = 0.5): ScoredCandidate<{ id: string }> => ({
	article: { id },
	text: `${id}-${order}`,
	articleRank: 1,
	order,
	score,
	inPassage
});

describe('choosing what to quote', () => {
	it('quotes nothing when the best passage is below the threshold', () => {
		const { chosen, confidence } = choosePassages([candidate('a', 0, CONFIDENCE_THRESHOLD - 0.01), candidate('b', 0, 0.3)]);
		expect(chosen).toEqual([]);
		expect(confidence).toBe(CONFIDENCE_THRESHOLD - 0.01);
	});

	it('quotes the best first and at most three, two from one article, all near the best', () => {
		const { chosen } = choosePassages([
			candidate('a', 0, 0.9),
			candidate('a', 1, 0.85),
			candidate('a', 2, 0.84),
			candidate('b', 0, 0.8),
			candidate('c', 0, 0.7)
		]);
		expect(chosen.map((c) => c.text)).toEqual(['a-0', 'a-1', 'b-0']);
	});

	it('never quotes a passage that holds none of the words, however good its title', () => {
		const { chosen } = choosePassages([candidate('a', 0, 0.8, 0), candidate('a', 1, 0.6)]);
		expect(chosen.map((c) => c.text)).toEqual(['a-1']);
	});
});
