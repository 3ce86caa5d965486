import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { todayInStockholm } from '../../auth/load-actor';
import { loadUnitAccess } from '../../assessment/rounds/unit-access';
import { recentSchoolYears } from '../../support/followup/school-years';
import { readTogether } from '../../db/read-together';
import { SUB_GOAL_FIGURES, type OperationalFigure } from './operational-figures';

export type UnitEvidence = { schoolYear: string; from: string; to: string; figures: OperationalFigure[] };

/**
 * The operational figures of one sub-goal for one unit (with the units under it) over the last completed school year,
 * offered beside the sub-goal's items when the unit agrees its levels: read-only evidence. Each figure comes from its
 * module under that module's rule for the reader; null when the sub-goal has none or the reader may see none.
 */
export async function loadUnitEvidence(
	db: Db,
	o: { actor: Actor; organizerId: string; unitId: string; subGoalId: string; today?: string }
): Promise<UnitEvidence | null> {
	const loaders = SUB_GOAL_FIGURES[o.subGoalId];
	if (!loaders?.length) return null;
	const access = await loadUnitAccess(db, o.organizerId);
	if (!access.byId.has(o.unitId)) return null;
	const subtree = new Set(
		access.tree.filter((u) => u.id === o.unitId || access.resource(u.id).ancestorIds.includes(o.unitId)).map((u) => u.id)
	);
	const year = recentSchoolYears(o.today ?? todayInStockholm(), 2)[1];
	const lastDay = new Date(Date.parse(`${year.to}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const ctx = {
		db,
		actor: o.actor,
		organizerId: o.organizerId,
		unitId: o.unitId,
		subtree,
		ancestorIds: access.resource(o.unitId).ancestorIds,
		from: year.from,
		to: year.to,
		asOf: lastDay
	};
	const results = await readTogether(
		db,
		loaders.map((l) => () => l.load(ctx))
	);
	// Evidence is about the unit: organizer-wide figures (a deflection has no unit) and the organizer's value stay out.
	const figures = results
		.flatMap((r) => r ?? [])
		.filter((f) => f.perUnit && f.over === 'period')
		.map((f) => ({ ...f, organizerValue: null }));
	return figures.length ? { schoolYear: year.key, from: year.from, to: year.to, figures } : null;
}
