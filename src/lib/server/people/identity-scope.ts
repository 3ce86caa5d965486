import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, roleAssignments } from '../db/schema';
import { can, type Actor, type Resource } from '../policies';

type IdentityScope = Extract<Resource, { type: 'identity' }>;

/**
 * The policy resources for several people's identities (decision 018), in two queries: every organizer each is a
 * member of and whether they are a system administrator. Read inside the caller's transaction.
 */
export async function loadIdentityScopes(db: Db, personIds: string[]): Promise<Map<string, IdentityScope>> {
	const out = new Map<string, IdentityScope>(
		personIds.map((personId) => [personId, { type: 'identity', personId, organizerIds: [], systemAdmin: false }])
	);
	if (personIds.length === 0) return out;
	const orgs = await db
		.select({ personId: memberships.personId, organizerId: memberships.organizerId })
		.from(memberships)
		.where(inArray(memberships.personId, personIds));
	for (const o of orgs) out.get(o.personId)!.organizerIds.push(o.organizerId);
	const sys = await db
		.select({ personId: roleAssignments.personId })
		.from(roleAssignments)
		.where(
			and(inArray(roleAssignments.personId, personIds), eq(roleAssignments.role, 'system_admin'), isNull(roleAssignments.organizerId))
		);
	for (const s of sys) out.get(s.personId)!.systemAdmin = true;
	return out;
}

/** The policy resource for one person's identity (see loadIdentityScopes). */
export async function loadIdentityScope(db: Db, personId: string): Promise<IdentityScope> {
	return (await loadIdentityScopes(db, [personId])).get(personId)!;
}

/** Whether the actor may change the person's identity fields (the person page shows them read-only otherwise). */
export async function canManageIdentity(db: Db, actor: Actor, personId: string) {
	return can(actor, 'identity.manage', await loadIdentityScope(db, personId));
}
