import { and, eq, gte, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { memberships, people, roleAssignments } from '../../db/schema';
import { answerPerspectives, type ActiveAssignment } from '../../policies';
import { isRole } from '../../policies/roles';
import { loadUnitAccess } from '../rounds/unit-access';

/** A person with an account who may answer the round at a unit from a perspective. */
export type RoundRespondent = { personId: string; email: string; unitId: string; perspective: string };

/**
 * Everyone with an account who may answer the round on `today`: active people, members of the organizer, whose
 * roles in force give them one of the round's perspectives at one of its units (the same rule as answering:
 * `answerPerspectives`). Anonymous-link respondents have no account and are not here.
 */
export async function findRoundRespondents(
	db: Db,
	{ round, today }: { round: { organizerId: string; perspectives: string[]; unitIds: string[] }; today: string }
): Promise<RoundRespondent[]> {
	if (!round.unitIds.length || !round.perspectives.length) return [];
	const rows = await db
		.select({ personId: people.id, email: people.email, unitId: roleAssignments.unitId, role: roleAssignments.role })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, round.organizerId)))
		.where(
			and(
				eq(roleAssignments.organizerId, round.organizerId),
				isNotNull(roleAssignments.unitId),
				eq(people.status, 'active'),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today))
			)
		);
	if (!rows.length) return [];
	const access = await loadUnitAccess(db, round.organizerId);
	const byPerson = new Map<string, { email: string; assignments: ActiveAssignment[] }>();
	for (const r of rows) {
		if (!isRole(r.role)) continue;
		const entry = byPerson.get(r.personId) ?? { email: r.email, assignments: [] };
		entry.assignments.push({ organizerId: round.organizerId, unitId: r.unitId, role: r.role });
		byPerson.set(r.personId, entry);
	}
	const out: RoundRespondent[] = [];
	for (const [personId, { email, assignments }] of byPerson) {
		const asActor = { personId, name: '', assignments };
		for (const unitId of round.unitIds) {
			for (const perspective of answerPerspectives(asActor, access.resource(unitId))) {
				if (round.perspectives.includes(perspective)) out.push({ personId, email, unitId, perspective });
			}
		}
	}
	return out;
}
