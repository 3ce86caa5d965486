/** A period a comparison value is for: a calendar year, a school year or a term. */
export type PeriodKind = 'year' | 'school_year' | 'term';
export type ComparisonPeriod = { period: string; kind: PeriodKind; startsOn: string };

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;
const inRange = (y: number) => y >= YEAR_MIN && y <= YEAR_MAX;
/** "24" is 2024; four digits stay as they are. */
const fullYear = (s: string) => (s.length === 2 ? 2000 + Number(s) : Number(s));

/**
 * Reads a period as files write it, into one spelling: "2024" (year); "2023/24", "2023/2024", "2023-24", "lå 2023/24"
 * (school year, stored as "2023/24", starting 1 July); "HT2024", "ht 24", "VT-2025" (term, stored as "HT2024", autumn
 * from 1 August, spring from 1 January). Null for anything else, or for a school year whose second year does not follow
 * the first.
 */
export function parsePeriod(value: string): ComparisonPeriod | null {
	const v = value.trim().replace(/\s+/g, ' ').toUpperCase();
	let m = /^(\d{4})$/.exec(v);
	if (m) {
		const y = Number(m[1]);
		return inRange(y) ? { period: m[1], kind: 'year', startsOn: `${m[1]}-01-01` } : null;
	}
	m = /^(?:LÅ|LÄSÅR)?\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(v);
	if (m) {
		const first = Number(m[1]);
		const second = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) + (Number(m[2]) < first % 100 ? 100 : 0) : Number(m[2]);
		if (!inRange(first) || second !== first + 1) return null;
		return { period: `${first}/${String(second % 100).padStart(2, '0')}`, kind: 'school_year', startsOn: `${first}-07-01` };
	}
	m = /^(HT|VT)\s*-?\s*(\d{2}|\d{4})$/.exec(v);
	if (m) {
		const y = fullYear(m[2]);
		if (!inRange(y)) return null;
		return { period: `${m[1]}${y}`, kind: 'term', startsOn: m[1] === 'HT' ? `${y}-08-01` : `${y}-01-01` };
	}
	return null;
}

/**
 * The comparison periods that speak to a school year ("2023/24"): the school year itself, its two terms, and the
 * calendar year it ends in, since Kolada dates a school's figures by the year the school year ends (the spring's
 * grades of 2023/24 are Kolada's 2024). For callers of findComparisonValues that think in school years.
 */
export function comparisonPeriodsOfSchoolYear(schoolYear: string): string[] {
	const p = parsePeriod(schoolYear);
	if (!p || p.kind !== 'school_year') return [];
	const first = Number(p.period.slice(0, 4));
	return [p.period, `HT${first}`, `VT${first + 1}`, String(first + 1)];
}
