import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db';
import { people, roleAssignments, supportTeamMembers, supportTeams } from '../db/schema';
import type { Actor } from '../policies';
import { isRole } from '../policies/roles';

/** Today's date in Stockholm, as YYYY-MM-DD. */
export const todayInStockholm = (now = new Date()) =>
	new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(now);

/** The actor for a person: their name and the roles that are in force today. */
export async function loadActor(db: Db, personId: string): Promise<Actor | null> {
	const [person] = await db.select({ id: people.id, name: people.name, status: people.status }).from(people).where(eq(people.id, personId));
	if (!person || person.status !== 'active') return null;
	const today = todayInStockholm();
	const rows = await db
		.select({ organizerId: roleAssignments.organizerId, unitId: roleAssignments.unitId, role: roleAssignments.role })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.personId, personId),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today))
			)
		);
	const teams = await db
		.select({ teamId: supportTeamMembers.teamId })
		.from(supportTeamMembers)
		.innerJoin(supportTeams, eq(supportTeams.id, supportTeamMembers.teamId))
		.where(and(eq(supportTeamMembers.personId, personId), isNull(supportTeams.archivedAt)));
	return {
		personId: person.id,
		name: person.name,
		assignments: rows.flatMap((r) => (isRole(r.role) ? [{ organizerId: r.organizerId, unitId: r.unitId, role: r.role }] : [])),
		teamIds: teams.map((t) => t.teamId)
	};
}
