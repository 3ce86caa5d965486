import { and, eq, inArray, isNull, or, gte, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { roleAssignments, units } from '../db/schema';
import { ancestorIdsOf } from '../org/unit-tree';
import { KEY_PERSON_OF } from '../policies/roles';
import type { CapacityResource } from '../policies';
import type { Chain } from '../support/constants';

export type ScopeUnit = { id: string; parentId: string | null; name: string; nameSort: string; archivedAt: Date | null };

/** The organizer's unit tree, and the capacity resource of any of its units. Internal to the capacity domain. */
export async function loadCapacityScope(db: Db, organizerId: string) {
	const tree: ScopeUnit[] = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort, archivedAt: units.archivedAt })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const resource = (unitId: string, personId: string | null = null): CapacityResource => ({
		type: 'capacity',
		organizerId,
		unitId,
		ancestorIds: ancestorIdsOf(unitId, byId),
		personId
	});
	return { tree, byId, resource };
}

/**
 * Whether the person holds the chain's key-person role at exactly that unit at some time in the period
 * (a role that ended before it starts, or begins after it ends, does not count).
 */
export async function holdsKeyRole(
	db: Db,
	o: { organizerId: string; personId: string; unitId: string; chain: Chain; validFrom: string; validTo: string | null }
): Promise<boolean> {
	const [row] = await db
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.organizerId, o.organizerId),
				eq(roleAssignments.personId, o.personId),
				eq(roleAssignments.unitId, o.unitId),
				eq(roleAssignments.role, KEY_PERSON_OF[o.chain]),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, o.validFrom)),
				o.validTo ? or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, o.validTo)) : undefined
			)
		)
		.limit(1);
	return !!row;
}

/** Key-person role assignments at the given units in force on `today`: whom an allotment may be for. */
export async function findKeyRoles(db: Db, organizerId: string, unitIds: string[], today: string) {
	if (unitIds.length === 0) return [];
	return db
		.select({ personId: roleAssignments.personId, unitId: roleAssignments.unitId, role: roleAssignments.role })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				inArray(roleAssignments.unitId, unitIds),
				inArray(roleAssignments.role, Object.values(KEY_PERSON_OF)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today)),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today))
			)
		);
}
