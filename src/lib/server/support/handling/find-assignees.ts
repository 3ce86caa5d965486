import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, roleAssignments, supportTeamMembers } from '../../db/schema';
import { loadActor } from '../../auth/load-actor';
import { can, type Actor, type TicketResource } from '../../policies';
import { shownNames } from '../privacy/shown-names';
import { CENTRAL_OF, KEY_PERSON_OF } from '../../policies/support';

/**
 * The people who may work the case at its current line, by name: the chain's key people at the
 * case's unit (or above it), the chain's central support, and the members of the team holding it.
 * Each candidate is checked against the policy, so the list and `assignTicket` never disagree.
 */
export async function findAssignees(
	db: Db,
	resource: TicketResource,
	viewer: Actor | null = null
): Promise<{ id: string; name: string }[]> {
	const units = [resource.unitId, ...resource.ancestorIds];
	const byRole = await db
		.select({ personId: roleAssignments.personId })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.organizerId, resource.organizerId),
				or(
					and(eq(roleAssignments.role, KEY_PERSON_OF[resource.chain]), inArray(roleAssignments.unitId, units)),
					and(eq(roleAssignments.role, CENTRAL_OF[resource.chain]), isNull(roleAssignments.unitId))
				)
			)
		);
	const byTeam = resource.teamId
		? await db
				.select({ personId: supportTeamMembers.personId })
				.from(supportTeamMembers)
				.where(eq(supportTeamMembers.teamId, resource.teamId))
		: [];
	const ids = [...new Set([...byRole, ...byTeam].map((r) => r.personId))];
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: people.id, name: people.name, nameSort: people.nameSort, protectedIdentity: people.protectedIdentity })
		.from(people)
		.where(inArray(people.id, ids))
		.orderBy(people.nameSort);
	const out: { id: string; name: string; protectedIdentity: boolean }[] = [];
	for (const p of rows) {
		const candidate = await loadActor(db, p.id);
		if (candidate && can(candidate, 'ticket.work', resource)) out.push(p);
	}
	const shown = await shownNames(db, { actor: viewer, organizerId: resource.organizerId, people: out, via: 'ticket.assignees' });
	// A pseudonym goes last: its place among real names in name order would hint at the real name.
	const hidden = (p: (typeof out)[number]) => (shown.get(p.id) ?? p.name) !== p.name;
	return [...out.filter((p) => !hidden(p)), ...out.filter(hidden)].map((p) => ({ id: p.id, name: shown.get(p.id) ?? p.name }));
}

/** May this person work the case at its current line (as the policies see them today)? */
export async function mayWork(db: Db, personId: string, resource: TicketResource): Promise<boolean> {
	const candidate = await loadActor(db, personId);
	return !!candidate && can(candidate, 'ticket.work', resource);
}
