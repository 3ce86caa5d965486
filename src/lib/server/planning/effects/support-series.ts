import type { Db } from '../../db';
import type { IndicatorParams } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { countFigures } from '../../support/followup/count-figures';
import { leadTimes } from '../../support/followup/lead-times';
import { recentSchoolYears } from '../../support/followup/school-years';
import { workingCalendarFor } from '../../support/sla-refresh/working-calendar-for';
import { leadTimeHours, lostLessons, slaCompliance, userErrorShare, type SupportFigureInput } from './indicator-values';

export type SupportKind = 'support_lead_time' | 'support_sla' | 'support_lost_lessons' | 'support_user_errors';
/** One school year's value of a support indicator (the current one so far). */
export type YearPoint = { label: string; on: string; value: number | null; suppressed: false };
/** Support figures by scope and school year, so one page counts each once. */
export type FigureCache = Map<string, Promise<SupportFigureInput>>;

const nextDay = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The support follow-up's own counts (count-figures.ts, lead-times.ts) for a scope and a period. */
function figuresFor(db: Db, cache: FigureCache, f: { organizerId: string; unitId: string | null; from: string; to: string }) {
	const key = `${f.unitId}|${f.from}|${f.to}`;
	if (!cache.has(key))
		cache.set(
			key,
			(async () => {
				const filter = { ...f, chain: null };
				const cal = await workingCalendarFor(db, f.organizerId);
				const [counts, lead] = await Promise.all([countFigures(db, filter), leadTimes(db, filter, cal)]);
				return { ...counts, leadTimes: lead };
			})()
		);
	return cache.get(key)!;
}

/**
 * A support indicator per school year, oldest first: the two before and the current one up to today, for a
 * unit (with the units under it) or the whole organizer. No anonymity rule applies to these counts.
 */
export async function supportSeries(
	db: Db,
	o: { organizerId: string; unitId: string | null; kind: SupportKind; params: IndicatorParams; cache: FigureCache; today?: string }
): Promise<YearPoint[]> {
	const today = o.today ?? todayInStockholm();
	const years = recentSchoolYears(today, 3).reverse();
	const points: YearPoint[] = [];
	for (const y of years) {
		const to = y.to > today ? nextDay(today) : y.to;
		const f = await figuresFor(db, o.cache, { organizerId: o.organizerId, unitId: o.unitId, from: y.from, to });
		const value =
			o.kind === 'support_lead_time'
				? leadTimeHours(f, o.params.line ?? 0)
				: o.kind === 'support_sla'
					? slaCompliance(f, o.params.slaKind ?? 'resolution')
					: o.kind === 'support_lost_lessons'
						? lostLessons(f, o.unitId ? 'unit' : 'organizer')
						: userErrorShare(f);
		points.push({ label: y.key, on: to < y.to ? today : y.to, value, suppressed: false });
	}
	return points;
}
