import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, people, roleAssignments, units } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { authorize, can, type Actor } from '../policies';
import { recordProtectedViews } from './record-protected-views';
import { isUuid } from '../ids';

type Options = { actor: Actor | null; organizerId: string };

/** in force today, not yet started, or ended */
export type AssignmentState = 'active' | 'future' | 'ended';

/** Sort keys compare byte-wise, as in SQL (COLLATE "C"). */
const byteCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function stateOf(startsOn: string | null, endsOn: string | null, today: string): AssignmentState {
	if (startsOn && startsOn > today) return 'future';
	if (endsOn && endsOn < today) return 'ended';
	return 'active';
}

/**
 * A member's role assignments at this organizer (not those at other organizers), organizer-wide
 * ones first, then by unit name and role. A protected person the actor may not see gives NOT_FOUND.
 */
export async function findRoleAssignmentsOfPerson(db: Db, { actor, organizerId, personId }: Options & { personId: string }) {
	authorize(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: false });
	if (!isUuid(personId)) throw new AppError('NOT_FOUND', 'person');
	const [person] = await db
		.select({ protectedIdentity: people.protectedIdentity })
		.from(people)
		.innerJoin(memberships, and(eq(memberships.personId, people.id), eq(memberships.organizerId, organizerId)))
		.where(eq(people.id, personId));
	if (!person || !can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: person.protectedIdentity })) {
		throw new AppError('NOT_FOUND', 'person');
	}
	const rows = await db
		.select({
			id: roleAssignments.id,
			role: roleAssignments.role,
			unitId: roleAssignments.unitId,
			unitName: units.name,
			unitSort: units.nameSort,
			startsOn: roleAssignments.startsOn,
			endsOn: roleAssignments.endsOn
		})
		.from(roleAssignments)
		.leftJoin(units, and(eq(units.id, roleAssignments.unitId), eq(units.organizerId, organizerId)))
		.where(and(eq(roleAssignments.organizerId, organizerId), eq(roleAssignments.personId, personId)));
	const today = todayInStockholm();
	return rows
		.sort((a, b) => byteCompare(a.unitSort ?? '', b.unitSort ?? '') || byteCompare(a.role, b.role))
		.map(({ unitSort: _s, ...r }) => ({ ...r, state: stateOf(r.startsOn, r.endsOn, today) }));
}

/**
 * Who holds which role at one unit of the organizer (assignments made at exactly that unit),
 * in Swedish name order. NOT_FOUND for a unit of another organizer. People with protected
 * identity are left out unless the actor may view them, and then the view is audited.
 */
export async function findRoleAssignmentsAtUnit(db: Db, { actor, organizerId, unitId }: Options & { unitId: string }) {
	authorize(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: false });
	if (!isUuid(unitId)) throw new AppError('NOT_FOUND', 'unit');
	const [unit] = await db
		.select({ id: units.id, name: units.name, kind: units.kind, archivedAt: units.archivedAt })
		.from(units)
		.where(and(eq(units.id, unitId), eq(units.organizerId, organizerId)));
	if (!unit) throw new AppError('NOT_FOUND', 'unit');
	const seeProtected = can(actor, 'person.view', { type: 'person', organizerId, protectedIdentity: true });
	const rows = await db
		.select({
			id: roleAssignments.id,
			role: roleAssignments.role,
			startsOn: roleAssignments.startsOn,
			endsOn: roleAssignments.endsOn,
			personId: people.id,
			personName: people.name,
			personSort: people.nameSort,
			personStatus: people.status,
			protectedIdentity: people.protectedIdentity
		})
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				eq(roleAssignments.unitId, unit.id),
				seeProtected ? undefined : eq(people.protectedIdentity, false)
			)
		)
		.orderBy(people.nameSort, people.id, roleAssignments.role);
	await recordProtectedViews(db, {
		actor,
		organizerId,
		personIds: [...new Set(rows.filter((r) => r.protectedIdentity).map((r) => r.personId))],
		via: 'unit_roles'
	});
	const today = todayInStockholm();
	return {
		unit: { id: unit.id, name: unit.name, kind: unit.kind, archived: unit.archivedAt !== null },
		assignments: rows.map(({ personSort: _s, ...r }) => ({ ...r, state: stateOf(r.startsOn, r.endsOn, today) }))
	};
}
