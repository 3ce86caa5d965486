import { normalizeName } from '../../imports/columns';

/**
 * A number as Swedish and English spreadsheets write it: "12,5", "1 234,5" (space, no-break or narrow space between
 * thousands), "1234.5", "1,234.5", "−3" (a typographic minus), "12,5 %". With both a comma and a point the last one is
 * the decimal mark. Null when it is not a finite number.
 */
export function parseComparisonNumber(value: string): number | null {
	let v = value
		.trim()
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/%$/, '')
		.replace(/^[\u2212\u2013]/, '-');
	if (v === '') return null;
	const comma = v.lastIndexOf(',');
	const point = v.lastIndexOf('.');
	if (comma >= 0 && point >= 0) v = comma > point ? v.replace(/\./g, '').replace(',', '.') : v.replace(/,/g, '');
	else if (comma >= 0) {
		if ((v.match(/,/g) ?? []).length > 1) return null;
		v = v.replace(',', '.');
	}
	if (!/^-?(\d+\.?\d*|\.\d+)$/.test(v)) return null;
	const n = Number(v);
	return Number.isFinite(n) ? n : null;
}

/** Where a value is from: a municipality (kommunkod) or a school unit (skolenhetskod). */
export type ComparisonArea = { kind: 'municipality' | 'school_unit'; code: string };

/**
 * A kommunkod (four digits; three are taken as a code whose leading zero a spreadsheet dropped, "180" is 0180) or a
 * skolenhetskod (eight digits); spaces ignored. Null for anything else.
 */
export function parseArea(value: string): ComparisonArea | null {
	const v = value.replace(/\s+/g, '');
	if (/^\d{3,4}$/.test(v)) return { kind: 'municipality', code: v.padStart(4, '0') };
	if (/^\d{8}$/.test(v)) return { kind: 'school_unit', code: v };
	return null;
}

const TOTAL = new Set(['', 't', 'tot', 'totalt', 'total', 'alla', 'samtliga', 'all']);
const PART = new Set(['k', 'm', 'kvinnor', 'män', 'flickor', 'pojkar', 'kvinna', 'man', 'female', 'male', 'women', 'men', 'girls', 'boys']);

/**
 * The gender cell: 'total' for the whole group (T, Totalt, blank), 'part' for a breakdown by gender (K, M …), which
 * the import leaves out: the organizer's own figures are never split by gender. Null for anything else.
 */
export function parseGender(value: string): 'total' | 'part' | null {
	const v = normalizeName(value);
	if (TOTAL.has(v)) return 'total';
	if (PART.has(v)) return 'part';
	return null;
}
