/**
 * A sort key that orders names the Swedish way with a plain byte comparison:
 * a–z, then å, ä, ö. Stored in `*_sort` columns (COLLATE "C") so both databases
 * agree and keyset paging works.
 */
export function swedishSortKey(name: string): string {
	return name
		.trim()
		.toLocaleLowerCase('sv-SE')
		.replace(/[éèêë]/g, 'e')
		.replace(/[áàâ]/g, 'a')
		.replace(/ü/g, 'y')
		.replace(/[æ]/g, 'ä')
		.replace(/[ø]/g, 'ö')
		.replace(/å/g, '{')
		.replace(/ä/g, '|')
		.replace(/ö/g, '}')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
}

/** Compares two strings in Swedish order (for sorting in memory). */
export const compareSv = (a: string, b: string) => a.localeCompare(b, 'sv-SE');

/** A URL-friendly short name: "Exempel Kommun" → "exempel-kommun". */
export function slugify(name: string): string {
	const s = name
		.toLocaleLowerCase('sv-SE')
		.replace(/[åä]/g, 'a')
		.replace(/ö/g, 'o')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48);
	return s || 'huvudman';
}
