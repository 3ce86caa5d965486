import { and, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { swedishSortKey } from '../../sort-key';
import { decodeCursor, encodeCursor } from './cursor';
import { escapeLike, membershipOf } from './queries';
import { recordProtectedViews } from './record-protected-views';

export { getPersonById } from './get-person-by-id';

export type FindPeopleOptions = {
	actor: Actor | null;
	organizerId: string;
	/** Part of a name, e-mail or eppn; case-insensitive (also for å, ä, ö). */
	search?: string;
	/** The nextCursor of the previous page, or nothing for the first page. */
	after?: string | null;
	limit?: number;
};

/**
 * One page of the organizer's members in Swedish name order (name_sort, id), paged by keyset:
 * pass the returned nextCursor as `after` for the next page (null on the last page).
 * People with protected identity are left out unless the actor may view them; when they are
 * shown, each showing is audited as person.view_protected.
 */
export async function findPeople(db: Db, { actor, organizerId, search = '', after = null, limit = 25 }: FindPeopleOptions) {
	authorize(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: false });
	const seeProtected = can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: true });
	const size = Math.min(Math.max(Math.trunc(limit) || 25, 1), 200);
	const where: (SQL | undefined)[] = [];
	if (!seeProtected) where.push(eq(people.protectedIdentity, false));
	const q = search.trim().slice(0, 200);
	if (q) {
		const byName = `%${escapeLike(swedishSortKey(q))}%`;
		const byMail = `%${escapeLike(q.toLocaleLowerCase('sv-SE'))}%`;
		where.push(or(like(people.nameSort, byName), like(people.email, byMail), like(people.eppn, byMail)));
	}
	const cursor = decodeCursor(after);
	if (cursor) where.push(sql`(${people.nameSort}, ${people.id}) > (${cursor.nameSort}, ${cursor.id}::uuid)`);
	const rows = await db
		.select({
			id: people.id,
			name: people.name,
			nameSort: people.nameSort,
			email: people.email,
			eppn: people.eppn,
			status: people.status,
			protectedIdentity: people.protectedIdentity
		})
		.from(people)
		.innerJoin(memberships, membershipOf(organizerId))
		.where(and(...where))
		.orderBy(people.nameSort, people.id)
		.limit(size + 1);
	const page = rows.slice(0, size);
	const last = page.at(-1);
	await recordProtectedViews(db, {
		actor,
		organizerId,
		personIds: page.filter((p) => p.protectedIdentity).map((p) => p.id),
		via: 'list'
	});
	return {
		people: page,
		nextCursor: rows.length > size && last ? encodeCursor({ nameSort: last.nameSort, id: last.id }) : null
	};
}
