import type { Db } from '../db';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { getCurrentPlan, loadCompetenceScope } from './competence-scope';
import { computeCoverage } from './compute-coverage';
import { stepsOf } from './get-plan';
import type { SchoolYear } from './school-year';

/**
 * The coverage page of one organizer: the units the actor may read coverage for (competence.coverage), and for the
 * chosen one (or the first) its year groups × aspects with the steps no class touched during the school year, on
 * the plan version in force. A unit the actor may not read is NOT_FOUND.
 */
export async function getUnitCoverage(db: Db, o: { actor: Actor | null; organizerId: string; unitId: string | null; year: SchoolYear }) {
	authorize(o.actor, 'competence.coverage', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const { tree, resource } = await loadCompetenceScope(db, o.organizerId);
	const units = tree
		.filter((u) => !u.archivedAt && can(actor, 'competence.coverage', resource(u.id)))
		.sort((a, b) => (a.nameSort < b.nameSort ? -1 : 1))
		.map((u) => ({ id: u.id, name: u.name }));
	if (o.unitId && (!isUuid(o.unitId) || !units.some((u) => u.id === o.unitId))) throw new AppError('NOT_FOUND', 'no such unit');
	const plan = await getCurrentPlan(db, o.organizerId);
	const unit = units.find((u) => u.id === o.unitId) ?? null;
	if (!plan || !unit) return { units, unit, plan: plan && { version: plan.version }, steps: [], coverage: null };
	const steps = await stepsOf(db, o.organizerId, plan.id);
	const [coverage] = await computeCoverage(db, {
		organizerId: o.organizerId,
		planId: plan.id,
		steps,
		from: o.year.from,
		to: o.year.to,
		unitIds: [unit.id]
	});
	return { units, unit, plan: { version: plan.version }, steps, coverage: coverage ?? { unitId: unit.id, stages: [], cells: [] } };
}
