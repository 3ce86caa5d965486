import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people } from '../db/schema';
import { isUuid } from '../ids';

/** Shared query fragments and small helpers for the people domain. */

/** Join condition: the person is a member of the organizer. */
export const membershipOf = (organizerId: string) => and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId));

/** A person who is a member of the organizer, or null (also for a malformed id). */
export async function getMemberPerson(db: Db, organizerId: string, personId: string) {
	if (!isUuid(personId)) return null;
	const [row] = await db
		.select({ person: people })
		.from(people)
		.innerJoin(memberships, membershipOf(organizerId))
		.where(eq(people.id, personId));
	return row?.person ?? null;
}

export { zodIssues as issuesFromZod } from '../errors';

/** Escapes %, _ and \ for a LIKE pattern. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
