import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import { ASPECTS, type Aspect } from './competence-rules';
import { getCurrentPlan, loadCompetenceScope } from './competence-scope';
import { computeCoverage, coverageShareOf } from './compute-coverage';
import { stepsOf } from './get-plan';
import type { SchoolYear } from './school-year';

export type UnitShares = { unitId: string; name: string; shares: Record<Aspect, number | null>; total: number | null };

/**
 * Every unit with classes side by side (competence.compare): the share of its steps some class touched, per aspect
 * and over all, for the school year on the plan version in force, so unequal coverage between units shows.
 * Sorted by the total share, lowest first.
 */
export async function compareUnitCoverage(
	db: Db,
	o: { actor: Actor | null; organizerId: string; year: SchoolYear }
): Promise<UnitShares[]> {
	authorize(o.actor, 'competence.compare', { type: 'organizer', organizerId: o.organizerId });
	const plan = await getCurrentPlan(db, o.organizerId);
	if (!plan) return [];
	const [{ byId }, steps] = await Promise.all([loadCompetenceScope(db, o.organizerId), stepsOf(db, o.organizerId, plan.id)]);
	const table = await computeCoverage(db, { organizerId: o.organizerId, planId: plan.id, steps, from: o.year.from, to: o.year.to });
	return table
		.map((u) => ({
			unitId: u.unitId,
			name: byId.get(u.unitId)?.name ?? '',
			shares: Object.fromEntries(ASPECTS.map((a) => [a, coverageShareOf(u, a)])) as Record<Aspect, number | null>,
			total: coverageShareOf(u)
		}))
		.sort((a, b) => (a.total ?? 0) - (b.total ?? 0) || a.name.localeCompare(b.name, 'sv'));
}
