import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { can, type Actor, type PlanResource } from '../policies';
import { ancestorIdsOf, flattenTree } from '../org/unit-tree';

/** Where a plan can be: the organizer (unitId null) or one active unit, with what the actor may do there. */
export type PlanScope = {
	unitId: string | null;
	name: string | null;
	depth: number;
	resource: PlanResource;
	canView: boolean;
	canWrite: boolean;
	/** May add an action that holds a catalog course here (plan.course, decision 066). */
	canCourse: boolean;
};

/**
 * The organizer and its active units as plan scopes, the organizer first and the units as a tree in
 * Swedish order, each with whether the actor may read and write its plan.
 */
export async function loadPlanScopes(db: Db, actor: Actor, organizerId: string): Promise<PlanScope[]> {
	const rows = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const scope = (unitId: string | null, name: string | null, depth: number): PlanScope => {
		const resource: PlanResource = { type: 'plan', organizerId, unitId, ancestorIds: unitId ? ancestorIdsOf(unitId, byId) : [] };
		return {
			unitId,
			name,
			depth,
			resource,
			canView: can(actor, 'plan.view', resource),
			canWrite: can(actor, 'plan.write', resource),
			canCourse: can(actor, 'plan.course', resource)
		};
	};
	return [scope(null, null, 0), ...flattenTree(rows, (u) => u.nameSort).map((u) => scope(u.id, u.name, u.depth))];
}

/** The scope key used in forms and addresses: "organizer" or a unit id. */
export const scopeKey = (unitId: string | null) => unitId ?? 'organizer';

/** The scope keys whose plan the actor may write: where a report's "Gör till aktivitet" is offered. */
export async function findPlannableScopes(db: Db, actor: Actor, organizerId: string): Promise<string[]> {
	return (await loadPlanScopes(db, actor, organizerId)).filter((s) => s.canWrite).map((s) => scopeKey(s.unitId));
}
