import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { organizers } from '../db/schema';
import type { Actor } from '../policies';

/**
 * The organizers a person works in, by name: where they have a role, and where a support team of theirs
 * takes cases (a supplier serving several organizers). The start page sends them on when there is one.
 */
export async function findOwnOrganizers(db: Db, actor: Actor): Promise<{ slug: string; name: string }[]> {
	const withRole = actor.assignments.flatMap((a) => (a.organizerId ? [a.organizerId] : []));
	const ids = [...new Set([...withRole, ...(actor.servedOrganizerIds ?? [])])];
	if (!ids.length) return [];
	const rows = await db.select({ slug: organizers.slug, name: organizers.name }).from(organizers).where(inArray(organizers.id, ids));
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}
