import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { competencePlans, units } from '../db/schema';
import { ancestorIdsOf } from '../org/unit-tree';
import type { CompetenceResource } from '../policies';

export type ScopeUnit = { id: string; parentId: string | null; name: string; nameSort: string; archivedAt: Date | null };

/** The organizer's unit tree and the competence resource of any of its units. Internal to the competence domain. */
export async function loadCompetenceScope(db: Db, organizerId: string) {
	const tree: ScopeUnit[] = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort, archivedAt: units.archivedAt })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const resource = (unitId: string | null, ownerId?: string): CompetenceResource => ({
		type: 'competence',
		organizerId,
		unitId,
		ancestorIds: unitId ? ancestorIdsOf(unitId, byId) : [],
		ownerId
	});
	return { tree, byId, resource };
}

export type PlanRow = typeof competencePlans.$inferSelect;

/** The plan version in force (the newest), or null before the organizer has a plan. */
export async function getCurrentPlan(db: Db, organizerId: string): Promise<PlanRow | null> {
	const [row] = await db
		.select()
		.from(competencePlans)
		.where(eq(competencePlans.organizerId, organizerId))
		.orderBy(desc(competencePlans.version))
		.limit(1);
	return row ?? null;
}

/** One plan version of the organizer, or null. */
export async function getPlanVersion(db: Db, organizerId: string, version: number): Promise<PlanRow | null> {
	const [row] = await db
		.select()
		.from(competencePlans)
		.where(and(eq(competencePlans.organizerId, organizerId), eq(competencePlans.version, version)));
	return row ?? null;
}
