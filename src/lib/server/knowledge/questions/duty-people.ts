import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { dutyRoster, people, roleAssignments } from '../../db/schema';
import { todayInStockholm } from '../../auth/load-actor';
import { CENTRAL_OF, KEY_PERSON_OF } from '../../policies/roles';
import type { Chain } from '../../support/constants';

/** A person as the roster knows them, before a presenter decides which name to show. */
export type DutyPerson = { id: string; name: string; protectedIdentity: boolean };

const activeOn = (today: string) =>
	and(
		sql`(${roleAssignments.startsOn} IS NULL OR ${roleAssignments.startsOn} <= ${today}::date)`,
		sql`(${roleAssignments.endsOn} IS NULL OR ${roleAssignments.endsOn} >= ${today}::date)`
	);

/**
 * Who may be on duty for a chain: active people who hold its key-person role (at any unit) or its central-support
 * role (organizer-wide) at the organizer today. In Swedish name order.
 */
export async function eligibleDutyPeople(db: Db, organizerId: string, chain: Chain, now = new Date()): Promise<DutyPerson[]> {
	return db
		.selectDistinct({ id: people.id, name: people.name, protectedIdentity: people.protectedIdentity, nameSort: people.nameSort })
		.from(people)
		.innerJoin(roleAssignments, eq(roleAssignments.personId, people.id))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				eq(people.status, 'active'),
				activeOn(todayInStockholm(now)),
				or(eq(roleAssignments.role, KEY_PERSON_OF[chain]), and(eq(roleAssignments.role, CENTRAL_OF[chain]), isNull(roleAssignments.unitId)))
			)
		)
		.orderBy(asc(people.nameSort), asc(people.id))
		.then((rows) => rows.map(({ nameSort: _sort, ...p }) => p));
}

/** The organizer's central support of a chain (organizer-wide, active today): told when nobody is on duty. */
export async function centralSupportIds(db: Db, organizerId: string, chain: Chain, now = new Date()): Promise<string[]> {
	const rows = await db
		.selectDistinct({ id: people.id })
		.from(people)
		.innerJoin(roleAssignments, eq(roleAssignments.personId, people.id))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				eq(people.status, 'active'),
				activeOn(todayInStockholm(now)),
				eq(roleAssignments.role, CENTRAL_OF[chain]),
				isNull(roleAssignments.unitId)
			)
		);
	return rows.map((r) => r.id);
}

/** The people on the roster for a chain's week (its Monday), whoever they are now. */
export async function rosteredIds(db: Db, organizerId: string, chain: Chain, monday: string): Promise<string[]> {
	const rows = await db
		.select({ id: dutyRoster.personId })
		.from(dutyRoster)
		.where(and(eq(dutyRoster.organizerId, organizerId), eq(dutyRoster.chain, chain), eq(dutyRoster.weekStart, monday)));
	return rows.map((r) => r.id);
}
