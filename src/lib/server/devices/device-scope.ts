import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { normalizeEmail } from '../auth/normalize-email';
import type { Db } from '../db';
import { memberships, people, roleAssignments, units } from '../db/schema';
import { ancestorIdsOf } from '../org/unit-tree';
import { can, type Actor, type DevicesResource } from '../policies';

export type DeviceScopeUnit = { id: string; parentId: string | null; name: string; nameSort: string; archivedAt: Date | null };

/** The organizer's unit tree, and the devices resource of a device at any of its units. Internal to the devices domain. */
export async function loadDeviceScope(db: Db, organizerId: string) {
	const tree: DeviceScopeUnit[] = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort, archivedAt: units.archivedAt })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const resource = (unitId: string, holderId: string | null = null, supplierTeamId?: string | null): DevicesResource => ({
		type: 'devices',
		organizerId,
		unitId,
		ancestorIds: ancestorIdsOf(unitId, byId),
		holderId,
		supplierTeamId
	});
	return { tree, byId, resource };
}

/**
 * The units of the tree the actor may see (devices.view), limited to `unitIds` when given, and whether they are the
 * whole organizer (no limit and every unit seen: every device has a unit of its organizer, so a count can then read
 * the organizer's rows without the devices).
 */
export function visibleDeviceUnits(
	scope: { tree: DeviceScopeUnit[]; resource: (unitId: string) => DevicesResource },
	actor: Actor | null,
	unitIds: string[] | null
): { unitIds: string[]; whole: boolean } {
	const wanted = unitIds ? new Set(unitIds) : null;
	const seen = scope.tree.filter((u) => (!wanted || wanted.has(u.id)) && can(actor, 'devices.view', scope.resource(u.id))).map((u) => u.id);
	return { unitIds: seen, whole: !wanted && seen.length === scope.tree.length };
}

/**
 * The person a scanned or typed identifier names: an e-mail address (any case) or an eduPersonPrincipalName,
 * with whether they are a member of the organizer. Null when nobody has it.
 */
export async function findPersonByIdentifier(db: Db, organizerId: string, identifier: string) {
	const [row] = await db
		.select({
			id: people.id,
			name: people.name,
			protectedIdentity: people.protectedIdentity,
			status: people.status,
			member: sql<boolean>`${memberships.personId} IS NOT NULL`
		})
		.from(people)
		.leftJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
		// Addresses are stored normalized (as sign-in reads them), so the unique index on email serves the lookup.
		.where(or(eq(people.email, normalizeEmail(identifier) ?? ''), eq(people.eppn, identifier)))
		.limit(1);
	return row ?? null;
}

/** Whether the person holds a role in force today at one of the given units (the device's unit and those above it). */
export async function holdsRoleAt(db: Db, o: { organizerId: string; personId: string; unitIds: string[]; today: string }) {
	const rows = await db
		.select({ unitId: roleAssignments.unitId })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.organizerId, o.organizerId),
				eq(roleAssignments.personId, o.personId),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, o.today)),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, o.today))
			)
		);
	return rows.some((r) => r.unitId !== null && o.unitIds.includes(r.unitId));
}
