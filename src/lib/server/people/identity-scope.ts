import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, roleAssignments } from '../db/schema';
import { can, type Actor } from '../policies';

/**
 * The policy resource for a person's identity (decision 018): every organizer they are a member of and
 * whether they are a system administrator. Read inside the caller's transaction.
 */
export async function loadIdentityScope(db: Db, personId: string) {
	const orgs = await db.select({ organizerId: memberships.organizerId }).from(memberships).where(eq(memberships.personId, personId));
	const [sys] = await db
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'system_admin'), isNull(roleAssignments.organizerId)))
		.limit(1);
	return { type: 'identity' as const, personId, organizerIds: orgs.map((o) => o.organizerId), systemAdmin: !!sys };
}

/** Whether the actor may change the person's identity fields (the person page shows them read-only otherwise). */
export async function canManageIdentity(db: Db, actor: Actor, personId: string) {
	return can(actor, 'identity.manage', await loadIdentityScope(db, personId));
}
