import type { Db } from '../db';
import { unitSizes } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { recentSchoolYears } from '../support/followup/school-years';
import type { DemoOrganizer } from './build-demo-organizer';

/**
 * Invented students per school unit of Exempelkommun. Lärcentrum is left out on purpose: the operational follow-up
 * then shows a unit without a size, listed rather than dropped.
 */
const STUDENTS: Record<string, number> = {
	bjorkhagen: 78,
	larkangen: 64,
	solbacka: 412,
	ekdalen: 70,
	angsskolan: 366,
	ronnby: 248,
	sjoviken: 55,
	granas: 301,
	kvarnbacka: 455,
	akerlund: 390,
	strandvallen: 880
};

/**
 * Students and staff of the demo's school units for the current school year and the two before it (issue 20), so the
 * operational follow-up can compare units per 100 students from the start. Staff follow the demo plan; each year back
 * has a few percent fewer students. Inserted directly, without audit, as the rest of the demo.
 */
export async function buildDemoUnitSizes(tx: Db, demo: DemoOrganizer, opts: { now?: Date } = {}): Promise<{ sizes: number }> {
	const years = recentSchoolYears(todayInStockholm(opts.now ?? new Date()), 3);
	const rows = years.flatMap((y, back) =>
		demo.unitPlans
			.filter((u) => STUDENTS[u.key] !== undefined)
			.map((u) => ({
				organizerId: demo.organizerId,
				unitId: demo.units[u.key],
				schoolYear: y.key,
				students: Math.round(STUDENTS[u.key] * (1 - 0.03 * back)),
				staff: u.staff,
				source: 'manual' as const
			}))
	);
	await tx.insert(unitSizes).values(rows);
	return { sizes: rows.length };
}
