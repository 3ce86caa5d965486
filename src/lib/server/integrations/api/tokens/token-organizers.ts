import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db';
import { organizers } from '../../../db/schema';
import type { Actor } from '../../../policies';

/** The organizers where the actor has a role today (where a personal token could act), by name. */
export async function findTokenOrganizers(db: Db, actor: Actor): Promise<{ id: string; name: string }[]> {
	const ids = [...new Set(actor.assignments.flatMap((a) => (a.organizerId ? [a.organizerId] : [])))];
	if (!ids.length) return [];
	const rows = await db.select({ id: organizers.id, name: organizers.name }).from(organizers).where(inArray(organizers.id, ids));
	return rows.sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}
