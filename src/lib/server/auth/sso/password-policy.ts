import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, organizers, roleAssignments } from '../../db/schema';

/** An organizer's sign-in settings (organizers.settings.signIn); passwords are allowed unless switched off. */
export const parseSignInSettings = (value: unknown) => ({
	passwordAllowed: !(value && typeof value === 'object' && (value as Record<string, unknown>).passwordAllowed === false)
});

/**
 * Whether a person may sign in with a password (decision 050): yes for a system administrator (the way back in when a
 * provider fails), yes for a person with no organizer, and yes when at least one of their organizers allows
 * passwords. No only when every organizer they belong to has switched passwords off.
 */
export async function isPasswordAllowedFor(db: Db, personId: string): Promise<boolean> {
	const [admin] = await db
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.role, 'system_admin'), isNull(roleAssignments.organizerId)))
		.limit(1);
	if (admin) return true;
	const rows = await db
		.select({ settings: organizers.settings })
		.from(memberships)
		.innerJoin(organizers, eq(organizers.id, memberships.organizerId))
		.where(eq(memberships.personId, personId));
	return rows.length === 0 || rows.some((r) => parseSignInSettings(r.settings.signIn).passwordAllowed);
}
