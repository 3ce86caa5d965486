import type { Db } from '../db';
import { units } from '../db/schema';
import { and, eq } from 'drizzle-orm';
import { ancestorIdsOf } from '../org/unit-tree';
import { isAspect } from './competence-rules';
import { getCurrentPlan } from './competence-scope';
import { computeCoverage } from './compute-coverage';
import { stepsOf } from './get-plan';
import type { SchoolYear } from './school-year';

/**
 * Coverage as a computed indicator (sub-goal 1.1, planning's effect chains): the share (0–1) of the plan's steps
 * for the year groups a unit teaches that some class touched during the school year, for one aspect or all (null).
 * `unitId` null is the whole organizer; a unit counts with the units under it. Null when there are no steps to
 * cover (no plan, no classes). Coverage is about classes, not people, so no anonymity rule applies. Callers have
 * checked that the actor may read it.
 */
export async function coverageShare(
	db: Db,
	o: { organizerId: string; unitId: string | null; aspect: string | null; year: SchoolYear }
): Promise<number | null> {
	const plan = await getCurrentPlan(db, o.organizerId);
	if (!plan) return null;
	let unitIds: string[] | null = null;
	if (o.unitId) {
		const tree = await db
			.select({ id: units.id, parentId: units.parentId })
			.from(units)
			.where(and(eq(units.organizerId, o.organizerId)));
		const byId = new Map(tree.map((u) => [u.id, u]));
		unitIds = tree.filter((u) => u.id === o.unitId || ancestorIdsOf(u.id, byId).includes(o.unitId!)).map((u) => u.id);
	}
	const steps = await stepsOf(db, o.organizerId, plan.id);
	const table = await computeCoverage(db, {
		organizerId: o.organizerId,
		planId: plan.id,
		steps,
		from: o.year.from,
		to: o.year.to,
		unitIds
	});
	const aspect = o.aspect && isAspect(o.aspect) ? o.aspect : null;
	let total = 0;
	let touched = 0;
	for (const u of table)
		for (const c of u.cells)
			if (aspect === null || c.aspect === aspect) {
				total += c.steps;
				touched += c.touched.length;
			}
	return total ? touched / total : null;
}
