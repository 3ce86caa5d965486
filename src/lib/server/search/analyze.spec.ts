// Covers: analyzeText, analyzeWord, foldWord, stemWord, splitCompound, queryGroups, editDistance, highlightSnippet, swedishDictionary.
import { describe, expect, it } from 'vitest';
import { analyzeText, analyzeWord } from './analyze';
import { foldWord } from './fold';
import { stemWord } from './stem';
import { splitCompound } from './compound';
import { queryGroups } from './query-terms';
import { editDistance } from './edit-distance';
import { highlightSnippet } from './highlight';
import { swedishDictionary } from './dictionary';

describe('folding', () => {
	it('lower-cases and folds å, ä, ö, é and other accents', () => {
		expect(foldWord('Lösenord')).toBe('losenord');
		expect(foldWord('LÄRPLATTFORM')).toBe('larplattform');
		expect(foldWord('Åsa')).toBe('asa');
		expect(foldWord('idé')).toBe('ide');
		expect(foldWord('Müller')).toBe('muller');
	});

	it('gives a word typed without å, ä, ö the same term as the word spelt right', () => {
		expect(analyzeText('losenord')).toEqual(analyzeText('lösenord'));
		expect(analyzeText('losenordet')).toEqual(analyzeText('lösenordet'));
		expect(analyzeText('natverket')).toEqual(analyzeText('nätverket'));
	});
});

describe('stemming with the Swedish hunspell dictionary', () => {
	const stem = (w: string) => stemWord(foldWord(w));

	it('takes inflected forms back to the dictionary form', () => {
		expect(stem('lösenordet')).toBe('losenord');
		expect(stem('kontot')).toBe('konto');
		expect(stem('projektorn')).toBe('projektor');
		expect(stem('skrivaren')).toBe('skrivare');
		expect(stem('datorer')).toBe('dator');
		expect(stem('lärarna')).toBe('larare');
		expect(stem('eleverna')).toBe('elev');
	});

	it('keeps skrivare a word of its own: not skriva, so it does not meet "skriver" or "AI-skrivna"', () => {
		expect(stem('skrivare')).toBe('skrivare');
		expect(stem('skriver')).not.toBe('skrivare');
		expect(analyzeText('AI-skrivna texter')).not.toContain('skrivare');
	});

	it('leaves words the dictionary does not know as they are, folded', () => {
		expect(stem('qwxzk')).toBeNull();
		expect(analyzeText('Qwxzk')).toEqual(['qwxzk']);
	});

	it('loads the dictionary once', () => {
		const first = swedishDictionary();
		expect(first.words.size).toBeGreaterThan(100_000);
		expect(swedishDictionary()).toBe(first);
	});
});

describe('compound splitting', () => {
	it('splits a compound the dictionary does not know into dictionary words, with the linking -s-', () => {
		expect(splitCompound('losenordsbyte')).toEqual(['losenord', 'byte']);
		expect(splitCompound('natverksproblem')).toEqual(['natverk', 'problem']);
		expect(splitCompound('skrivarproblem')).toEqual(['skrivare', 'problem']);
	});

	it('stems the last part', () => {
		expect(splitCompound('losenordsbytet')).toEqual(['losenord', 'byte']);
	});

	it('keeps the whole word too', () => {
		expect(analyzeText('lösenordsbyte')).toEqual(['losenordsbyte', 'losenord', 'byte']);
	});

	it('does not split words the dictionary knows, nor short ones', () => {
		expect(splitCompound('losenord')).toBeNull();
		expect(splitCompound('larplattform')).toBeNull();
		expect(splitCompound('datorn')).toBeNull();
		expect(splitCompound('bil')).toBeNull();
	});
});

describe('analysis', () => {
	it('drops stop words and single letters', () => {
		expect(analyzeText('Hur gör jag när det inte är så i sal 4?')).toEqual(['sal', '4']);
		expect(analyzeWord('och')).toBeNull();
	});

	it('keeps the text order', () => {
		expect(analyzeText('Projektorn i klassrummet')).toEqual(['projektor', 'klassrum']);
	});
});

describe('query terms', () => {
	const terms = (q: string, o = {}) => queryGroups(q, o).groups;

	it('adds the school IT synonyms of a word', () => {
		const synonyms = (q: string) =>
			terms(q)
				.filter((x) => x.origin === 'synonym')
				.map((x) => x.terms.join(' '));
		expect(synonyms('datorn startar inte')).toEqual(expect.arrayContaining(['laptop', 'pc']));
		expect(synonyms('chromebooken')).toEqual(expect.arrayContaining(['elevdator']));
	});

	it('finds a synonym of several words as a phrase, and adds phrases as all their words', () => {
		const wifi = terms('trådlöst nätverk nere').filter((x) => x.origin === 'synonym');
		expect(wifi.map((x) => x.terms.join(' '))).toContain('wifi');
		const back = terms('wifi nere').filter((x) => x.origin === 'synonym');
		expect(back.map((x) => x.terms.join(' '))).toContain('tradlos natverk');
	});

	it('adds synonyms of compound parts and the organizer’s own groups', () => {
		const g = terms('skrivarproblem', { extraSynonyms: [['problem', 'strul']] });
		expect(g.map((x) => x.terms.join(' '))).toEqual(expect.arrayContaining(['skrivarproblem', 'skrivare', 'problem', 'utskrift', 'strul']));
	});

	it('matches the last word as a prefix only when asked', () => {
		expect(terms('lärplatt').some((x) => x.prefix)).toBe(false);
		expect(terms('lärplatt', { prefixLast: true }).find((x) => x.prefix)?.terms).toEqual(['larplatt']);
	});
});

describe('edit distance', () => {
	it('counts a swap of two neighbours as one edit', () => {
		expect(editDistance('projketor', 'projektor', 2)).toBe(1);
		expect(editDistance('losenrod', 'losenord', 1)).toBe(1);
		expect(editDistance('skrivare', 'skrivbord', 1)).toBe(2);
	});
});

describe('highlighted snippets', () => {
	it('marks words whose analysed form is searched for, also in other forms and without å, ä, ö', () => {
		const parts = highlightSnippet('Så byter du lösenordet. Lösenordsbytet tar en minut.', analyzeText('losenord'));
		expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['lösenordet', 'Lösenordsbytet']);
	});

	it('shows the text around the first hit far into a long text, and the beginning of a text without a hit', () => {
		const filler = 'Eleverna arbetar med ett projekt om vatten och skriver en rapport tillsammans. '.repeat(12);
		const text = `${filler}Projektorn i sal 4 startar inte. ${filler}Projektorn behöver en ny lampa.`;
		const parts = highlightSnippet(text, analyzeText('projektor'), 120);
		expect(parts[0]).toEqual({ text: '…', hit: false });
		expect(parts.at(-1)).toEqual({ text: '…', hit: false });
		expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['Projektorn']);
		expect(parts.map((p) => p.text).join('')).toContain('Projektorn i sal 4 startar inte.');
		const none = highlightSnippet(text, analyzeText('skrivare'), 40);
		expect(none.some((p) => p.hit)).toBe(false);
		expect(none[0].text.startsWith('Eleverna arbetar')).toBe(true);
	});
});
