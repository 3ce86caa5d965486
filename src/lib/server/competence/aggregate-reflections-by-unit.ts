import { and, eq, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceReflections, roleAssignments } from '../db/schema';
import { organizerThreshold } from '../assessment/rounds/round-checks';
import { authorize, type Actor } from '../policies';
import { LEVEL_MAX, REFLECTION } from './competence-rules';
import { NO_UNIT, suppressReflectionUnits } from './reflection-suppression';
import { loadCompetenceScope } from './competence-scope';

export type UnitReflectionAggregate = {
	unitId: string;
	name: string;
	/** How many reflected; null when not shown (a count under the threshold says too much on its own). */
	people: number | null;
	/** False when the unit is under the threshold, or hidden so that another unit cannot be worked out. */
	shown: boolean;
	/** Per area: the mean level; empty when not shown. */
	areas: { key: string; mean: number }[];
};

/**
 * Everyone's newest reflection aggregated per unit and area (competence.aggregate, decision 066); a person counts at
 * every unit where they hold a role. Shown only where `suppressReflectionUnits` allows — the self-assessment's
 * threshold and suppression — so neither a small unit nor one left alone by the others can be read. With `before`,
 * the newest reflection made before that moment (a course's "before" picture). Units with nobody are left out.
 */
export async function aggregateReflectionsByUnit(
	db: Db,
	o: { actor: Actor | null; organizerId: string; before?: Date }
): Promise<{ threshold: number; units: UnitReflectionAggregate[] }> {
	authorize(o.actor, 'competence.aggregate', { type: 'organizer', organizerId: o.organizerId });
	const [threshold, { byId }] = await Promise.all([organizerThreshold(db, o.organizerId), loadCompetenceScope(db, o.organizerId)]);
	const newest = await db
		.selectDistinctOn([competenceReflections.personId], { personId: competenceReflections.personId, levels: competenceReflections.levels })
		.from(competenceReflections)
		.where(and(eq(competenceReflections.organizerId, o.organizerId), o.before ? lt(competenceReflections.createdAt, o.before) : undefined))
		.orderBy(competenceReflections.personId, sql`${competenceReflections.createdAt} DESC`);
	const roles = await db
		.selectDistinct({ personId: roleAssignments.personId, unitId: roleAssignments.unitId })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.organizerId, o.organizerId), isNotNull(roleAssignments.unitId)));
	const unitsOf = new Map<string, string[]>();
	for (const r of roles) unitsOf.set(r.personId, [...(unitsOf.get(r.personId) ?? []), r.unitId!]);
	const byUnit = new Map<string, Record<string, number>[]>();
	for (const r of newest)
		for (const unitId of unitsOf.get(r.personId) ?? [NO_UNIT]) byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), r.levels]);
	const suppression = suppressReflectionUnits(
		[...byUnit].map(([unitId, list]) => ({ unitId, count: list.length })),
		threshold
	);
	const units = [...byUnit]
		.filter(([unitId]) => unitId !== NO_UNIT)
		.map(([unitId, list]) => {
			const shown = suppression.shown(unitId);
			return {
				unitId,
				name: byId.get(unitId)?.name ?? '',
				people: shown ? list.length : null,
				shown,
				areas: shown
					? REFLECTION.areas.map((a) => ({
							key: a.key,
							mean: list.reduce((s, l) => s + Math.min(LEVEL_MAX, l[a.key] ?? 1), 0) / list.length
						}))
					: []
			};
		})
		.sort((a, b) => (byId.get(a.unitId)?.nameSort ?? '').localeCompare(byId.get(b.unitId)?.nameSort ?? ''));
	return { threshold, units };
}
