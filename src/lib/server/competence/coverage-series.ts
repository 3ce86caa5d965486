import type { Db } from '../db';
import { todayInStockholm } from '../auth/load-actor';
import { recentSchoolYears } from '../support/followup/school-years';
import { coverageShare } from './coverage-share';

/**
 * The coverage indicator per school year, oldest first: the two before and the current one so far, for a unit (with
 * the units under it) or the whole organizer, on the plan version in force. Counts classes, not people: nothing to
 * suppress.
 */
export async function coverageSeries(
	db: Db,
	o: { organizerId: string; unitId: string | null; aspect: string | null; today?: string }
): Promise<{ label: string; on: string; value: number | null; suppressed: false }[]> {
	const today = o.today ?? todayInStockholm();
	const years = recentSchoolYears(today, 3).reverse();
	const out = [];
	for (const year of years) {
		const value = await coverageShare(db, { organizerId: o.organizerId, unitId: o.unitId, aspect: o.aspect, year });
		out.push({ label: year.key, on: year.to > today ? today : year.to, value, suppressed: false as const });
	}
	return out;
}
