import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people, roleAssignments } from '../db/schema';
import { CENTRAL_ROLES, type Role } from '../policies/roles';

/** The roles a tool's owner (system owner or förvaltare) may hold. */
const OWNER_ROLES: readonly Role[] = ['org_admin', 'leadership', 'principal', ...CENTRAL_ROLES];

/**
 * The people who may own a tool in the register: active members of the organizer holding a leading or central role
 * there, never a person with protected identity (their name is not to be spread in a register others read).
 */
export async function listOwnerOptions(db: Db, organizerId: string): Promise<{ value: string; label: string }[]> {
	const rows = await db
		.selectDistinct({ id: people.id, name: people.name, nameSort: people.nameSort })
		.from(people)
		.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
		.innerJoin(
			roleAssignments,
			and(
				eq(roleAssignments.personId, people.id),
				eq(roleAssignments.organizerId, organizerId),
				inArray(roleAssignments.role, [...OWNER_ROLES])
			)
		)
		.where(and(eq(people.status, 'active'), eq(people.protectedIdentity, false)))
		.orderBy(asc(people.nameSort), asc(people.id));
	return rows.map((r) => ({ value: r.id, label: r.name }));
}
