/** A school year (läsår) as a half-open period: 1 July to 1 July, Stockholm dates. */
export type SchoolYear = { key: string; from: string; to: string };

/** The school year a date falls in: "2025/26" runs 2025-07-01 up to 2026-07-01. */
export function schoolYearOf(day: string): SchoolYear {
	const [y, mo] = day.split('-').map(Number);
	const start = mo >= 7 ? y : y - 1;
	return { key: `${start}/${String((start + 1) % 100).padStart(2, '0')}`, from: `${start}-07-01`, to: `${start + 1}-07-01` };
}

/** The current school year and the `count - 1` before it, newest first. */
export function recentSchoolYears(today: string, count = 3): SchoolYear[] {
	const first = Number(schoolYearOf(today).from.slice(0, 4));
	return Array.from({ length: count }, (_, i) => schoolYearOf(`${first - i}-08-01`));
}

/** Median and 90th percentile (nearest rank) of a list; null when it is empty. */
export function percentiles(values: number[]): { median: number | null; p90: number | null; n: number } {
	if (values.length === 0) return { median: null, p90: null, n: 0 };
	const s = [...values].sort((a, b) => a - b);
	const rank = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
	return { median: rank(0.5), p90: rank(0.9), n: s.length };
}

/** A term: HT (autumn, 1 July – 1 January) or VT (spring, 1 January – 1 July), Stockholm dates, half-open. */
export type Term = { key: string; from: string; to: string };

/** The term a date falls in: "HT 2025" runs 2025-07-01 up to 2026-01-01, "VT 2026" 2026-01-01 up to 2026-07-01. */
export function termOf(day: string): Term {
	const [y, mo] = day.split('-').map(Number);
	return mo >= 7 ? { key: `HT ${y}`, from: `${y}-07-01`, to: `${y + 1}-01-01` } : { key: `VT ${y}`, from: `${y}-01-01`, to: `${y}-07-01` };
}
