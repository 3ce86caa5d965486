import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, roleAssignments, supportCategories, supportTeamMembers, supportTeamOrganizers, supportTeams } from '../../db/schema';
import type { Actor } from '../../policies';
import { CENTRAL_OF, KEY_PERSON_OF } from '../../policies/support';
import { CHAINS } from '../constants';
import { shownNames } from '../privacy/shown-names';

export type BulkOptionLists = {
	people: { id: string; name: string }[];
	teams: { id: string; name: string; chain: string; line: number; supplierName: string | null }[];
	categories: { id: string; name: string; chain: string }[];
};

/**
 * The choices of the queue's bulk steps: the people who handle support at the organizer (its key people,
 * central support and team members; each case still checks that the person may work it there), the
 * active teams at lines 2 and 3 serving the organizer, and its categories. Names as the actor may see them.
 */
export async function findBulkOptions(db: Db, opts: { actor: Actor; organizerId: string }): Promise<BulkOptionLists> {
	const roles = CHAINS.flatMap((c) => [KEY_PERSON_OF[c], CENTRAL_OF[c]]);
	const teamRows = await db
		.select({
			id: supportTeams.id,
			name: supportTeams.name,
			chain: supportTeams.chain,
			line: supportTeams.line,
			supplierName: supportTeams.supplierName
		})
		.from(supportTeams)
		.innerJoin(supportTeamOrganizers, eq(supportTeamOrganizers.teamId, supportTeams.id))
		.where(and(eq(supportTeamOrganizers.organizerId, opts.organizerId), isNull(supportTeams.archivedAt)))
		.orderBy(asc(supportTeams.line), asc(supportTeams.nameSort));
	const teamIds = teamRows.map((t) => t.id);
	const handlerRows = await db
		.selectDistinct({ id: people.id, name: people.name, nameSort: people.nameSort, protectedIdentity: people.protectedIdentity })
		.from(people)
		.leftJoin(roleAssignments, and(eq(roleAssignments.personId, people.id), eq(roleAssignments.organizerId, opts.organizerId)))
		.leftJoin(supportTeamMembers, eq(supportTeamMembers.personId, people.id))
		.where(or(inArray(roleAssignments.role, roles), teamIds.length ? inArray(supportTeamMembers.teamId, teamIds) : undefined))
		.orderBy(asc(people.nameSort))
		.limit(500);
	const shown = await shownNames(db, { ...opts, people: handlerRows, via: 'queue.bulk_people' });
	// A pseudonym goes last: its place among real names in name order would hint at the real name.
	const hidden = (p: (typeof handlerRows)[number]) => (shown.get(p.id) ?? p.name) !== p.name;
	const categories = await db
		.select({ id: supportCategories.id, name: supportCategories.name, chain: supportCategories.chain })
		.from(supportCategories)
		.where(and(eq(supportCategories.organizerId, opts.organizerId), isNull(supportCategories.archivedAt)))
		.orderBy(asc(supportCategories.chain), asc(supportCategories.nameSort));
	return {
		people: [...handlerRows.filter((p) => !hidden(p)), ...handlerRows.filter(hidden)].map((p) => ({
			id: p.id,
			name: shown.get(p.id) ?? p.name
		})),
		teams: teamRows,
		categories
	};
}
