import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from '../render-markdown';
import { MAX_PASSAGE, splitPassages } from './split-passages';

const ARTICLE = [
	'## Byt lösenord',
	'',
	'Gå till kontosidan och välj Byt lösenord. Det nya lösenordet gäller i lärplattformen inom fem minuter.',
	'',
	'- Logga ut från alla flikar först.',
	'- Vänta en stund innan du loggar in igen.',
	'- Använd inte det gamla lösenordet.',
	'',
	'Kort rad.',
	'',
	'```',
	'kod här',
	'```'
].join('\n');

describe('splitting an article into passages', () => {
	it('keeps a heading with its paragraph and a list together, and every passage is a piece of the plain text', () => {
		const passages = splitPassages(ARTICLE);
		expect(passages[0]).toBe(
			'Byt lösenord Gå till kontosidan och välj Byt lösenord. Det nya lösenordet gäller i lärplattformen inom fem minuter.'
		);
		expect(passages[1]).toContain('Logga ut från alla flikar först. Vänta en stund');
		expect(passages[1]).toContain('Använd inte det gamla lösenordet.');
		const plain = markdownToPlainText(ARTICLE);
		for (const p of passages) expect(plain).toContain(p);
	});

	it('reads a short closing block with the passage before it', () => {
		const passages = splitPassages(ARTICLE);
		expect(passages.at(-1)).toMatch(/Kort rad\. kod här$/);
	});

	it('cuts a long paragraph at sentence ends, never longer than the most a passage may be', () => {
		const sentence = 'Skrivaren i personalrummet skriver ut dubbelsidigt när du väljer det i utskriftsrutan. ';
		const long = sentence.repeat(20).trim();
		const passages = splitPassages(long);
		expect(passages.length).toBeGreaterThan(1);
		for (const p of passages) {
			expect(p.length).toBeLessThanOrEqual(MAX_PASSAGE);
			expect(p.endsWith('utskriftsrutan.')).toBe(true);
			expect(long).toContain(p);
		}
	});

	it('leaves out raw HTML as markup and images, as the plain text does', () => {
		const md = 'Text med <b>fet</b> stil och en bild ![alt](https://exempel.se/a.png) och [en länk](javascript:alert(1)) som är lång nog.';
		const [p] = splitPassages(md);
		expect(markdownToPlainText(md)).toContain(p);
	});

	it('gives nothing for an empty article', () => {
		expect(splitPassages('')).toEqual([]);
		expect(splitPassages('   \n\n')).toEqual([]);
	});
});
