import { LESSON_MINUTES } from '../../../support/lost-time';
import { schoolYearOf, termOf } from '../../support/followup/school-years';
import { per100 } from './spread';

export const GRANULARITIES = ['month', 'term', 'year'] as const;
/** A trend by calendar month, by term (HT/VT) or by school year. */
export type Granularity = (typeof GRANULARITIES)[number];

/** One month's sums for a scope; `sized*` count only cases at units with students entered for that school year. */
export type MonthSums = {
	month: string;
	cases: number;
	minutesLost: number;
	sizedMinutesLost: number;
	classified: number;
	userErrors: number;
	slaMeasured: number;
	slaBreached: number;
};

/** One point of a trend: its key (label) and half-open period, and each main figure (null: nothing to compute it from). */
export type TrendPoint = {
	key: string;
	from: string;
	to: string;
	cases: number;
	lessonsLost: number;
	lessonsLostPer100Students: number | null;
	slaCompliance: number | null;
	userErrorShare: number | null;
};

const addMonth = (m: string) => {
	const [y, mo] = m.split('-').map(Number);
	return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
};

/** The bucket a month (its first day) falls in. */
function bucketOf(month: string, g: Granularity): { key: string; from: string; to: string } {
	if (g === 'month') return { key: month.slice(0, 7), from: month, to: addMonth(month) };
	return g === 'term' ? termOf(month) : schoolYearOf(month);
}

/**
 * Sums months into buckets from `from` up to `to` (first days of months, Stockholm), every bucket present even when
 * empty. Lost lessons per 100 students divide the lost time at sized units by the students of that school year
 * (`studentsByYear`); a bucket whose year has no students entered gets null.
 */
export function bucketTrend(
	months: MonthSums[],
	g: Granularity,
	studentsByYear: Map<string, number>,
	range: { from: string; to: string }
): TrendPoint[] {
	const byMonth = new Map(months.map((m) => [m.month, m]));
	const empty = (): Omit<MonthSums, 'month'> => ({
		cases: 0,
		minutesLost: 0,
		sizedMinutesLost: 0,
		classified: 0,
		userErrors: 0,
		slaMeasured: 0,
		slaBreached: 0
	});
	const buckets = new Map<string, { period: { key: string; from: string; to: string }; sums: Omit<MonthSums, 'month'> }>();
	for (let m = range.from; m < range.to; m = addMonth(m)) {
		const period = bucketOf(m, g);
		const b = buckets.get(period.key) ?? { period, sums: empty() };
		const s = byMonth.get(m);
		if (s) for (const k of Object.keys(b.sums) as (keyof typeof b.sums)[]) b.sums[k] += s[k];
		buckets.set(period.key, b);
	}
	return [...buckets.values()].map(({ period, sums }) => ({
		...period,
		cases: sums.cases,
		lessonsLost: Math.round((sums.minutesLost * 10) / LESSON_MINUTES) / 10,
		lessonsLostPer100Students: per100(sums.sizedMinutesLost / LESSON_MINUTES, studentsByYear.get(schoolYearOf(period.from).key)),
		slaCompliance: sums.slaMeasured ? (sums.slaMeasured - sums.slaBreached) / sums.slaMeasured : null,
		userErrorShare: sums.classified ? sums.userErrors / sums.classified : null
	}));
}
