import { and, asc, eq, gte, inArray, isNull, lte, notInArray, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, roleAssignments, units } from '../../db/schema';
import { seesProtectedNames } from '../../support/privacy/shown-names';
import { todayInStockholm } from '../../auth/load-actor';
import type { Actor } from '../../policies';

const OUTSIDE: string[] = ['student', 'guardian', 'supplier', 'system_admin'];

/** Each person's current roles in the organizer (outsider roles left out), with the unit's name where there is one. */
export async function loadRolesOf(db: Db, organizerId: string, personIds: string[]) {
	if (!personIds.length) return new Map<string, { role: string; unitName: string | null }[]>();
	const today = todayInStockholm();
	const rows = await db
		.select({ personId: roleAssignments.personId, role: roleAssignments.role, unitName: units.name })
		.from(roleAssignments)
		.leftJoin(units, eq(units.id, roleAssignments.unitId))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				inArray(roleAssignments.personId, personIds),
				notInArray(roleAssignments.role, OUTSIDE),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today))
			)
		)
		.orderBy(asc(roleAssignments.role), asc(units.nameSort));
	const out = new Map<string, { role: string; unitName: string | null }[]>();
	for (const r of rows) out.set(r.personId, [...(out.get(r.personId) ?? []), { role: r.role, unitName: r.unitName }]);
	return out;
}

/**
 * Who can be in a working group: active members of the organizer with a role inside it (not students,
 * guardians or suppliers), with their roles; people with protected identity only for organization
 * administrators, as on the action form.
 */
export async function loadGroupOptions(db: Db, opts: { actor: Actor; organizerId: string }) {
	const seesProtected = seesProtectedNames(opts.actor, opts.organizerId);
	const rows = await db
		.select({ id: people.id, name: people.name })
		.from(memberships)
		.innerJoin(people, eq(people.id, memberships.personId))
		.where(
			and(
				eq(memberships.organizerId, opts.organizerId),
				eq(people.status, 'active'),
				seesProtected ? undefined : eq(people.protectedIdentity, false)
			)
		)
		.orderBy(asc(people.nameSort), asc(people.id));
	const roles = await loadRolesOf(
		db,
		opts.organizerId,
		rows.map((r) => r.id)
	);
	return rows.filter((r) => roles.has(r.id)).map((r) => ({ ...r, roles: roles.get(r.id)! }));
}
