// Covers: slugify, swedishSortKey.
import { describe, expect, it } from 'vitest';
import { slugify, swedishSortKey } from './sort-key';

describe('swedishSortKey', () => {
	it('puts å, ä and ö after z in that order', () => {
		const names = ['Örjan', 'Ärla', 'Åsa', 'Zara', 'Anna'];
		const sorted = [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
		expect(sorted).toEqual(['Anna', 'Zara', 'Åsa', 'Ärla', 'Örjan']);
	});

	it('ignores case and treats é as e', () => {
		expect(swedishSortKey('ÉVA')).toBe(swedishSortKey('eva'));
	});
});

describe('slugify', () => {
	it('turns a Swedish name into a URL segment', () => {
		expect(slugify('Exempelkommun Öst & Väst')).toBe('exempelkommun-ost-vast');
	});
	it('never returns an empty string', () => {
		expect(slugify('!!!')).toBe('huvudman');
	});
});
