import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships } from '../db/schema';

/**
 * The organizer that "owns" account mail and events for a person: their oldest membership.
 * Its administrators can read the person's mail in the outbox. Null when the person belongs nowhere.
 */
export async function findHomeOrganizerId(db: Db, personId: string): Promise<string | null> {
	const [row] = await db
		.select({ organizerId: memberships.organizerId })
		.from(memberships)
		.where(eq(memberships.personId, personId))
		.orderBy(asc(memberships.createdAt), asc(memberships.organizerId))
		.limit(1);
	return row?.organizerId ?? null;
}
