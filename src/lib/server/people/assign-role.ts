import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db';
import { roleAssignments, units } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { AppError, invalid } from '../errors';
import { authorize, type Actor } from '../policies';
import { parseRoleAssignmentInput, type RoleAssignmentInputValues } from './role-assignment-input';
import { getMemberPerson } from './queries';

/**
 * Gives a member a role at the organizer or at one of its units, optionally between two dates.
 * Refused with a field error when the unit is not the organizer's (or is archived), when the
 * role cannot be handed out, when org_admin is given at a unit (it only works organizer-wide),
 * when the end is before the start, and when the person already holds the same role at the same
 * place in an overlapping period that has not ended. Audited as role.assign.
 */
export async function assignRole(
	db: Db,
	{ actor, organizerId, personId, input }: { actor: Actor | null; organizerId: string; personId: string; input: RoleAssignmentInputValues }
) {
	authorize(actor, 'role.assign', { type: 'organizer', organizerId });
	const data = parseRoleAssignmentInput(input);
	if (data.role === 'org_admin' && data.unitId) throw invalid('unitId', 'people_error_role_organizer_wide');
	return db.transaction(async (tx) => {
		const person = await getMemberPerson(tx, organizerId, personId);
		if (!person) throw new AppError('NOT_FOUND', 'person');
		if (data.unitId) {
			const [unit] = await tx
				.select({ id: units.id, archivedAt: units.archivedAt })
				.from(units)
				.where(and(eq(units.id, data.unitId), eq(units.organizerId, organizerId)));
			if (!unit || unit.archivedAt) throw invalid('unitId', 'people_error_unit_unknown');
		}
		const from = data.startsOn ?? todayInStockholm();
		const [overlap] = await tx
			.select({ id: roleAssignments.id })
			.from(roleAssignments)
			.where(
				and(
					eq(roleAssignments.organizerId, organizerId),
					eq(roleAssignments.personId, person.id),
					eq(roleAssignments.role, data.role),
					data.unitId ? eq(roleAssignments.unitId, data.unitId) : isNull(roleAssignments.unitId),
					or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, from)),
					data.endsOn ? or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, data.endsOn)) : undefined
				)
			)
			.limit(1);
		if (overlap) throw invalid('role', 'people_error_role_already_held');
		const [row] = await tx
			.insert(roleAssignments)
			.values({ personId: person.id, organizerId, unitId: data.unitId, role: data.role, startsOn: data.startsOn, endsOn: data.endsOn })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'role.assign',
			entityType: 'role_assignment',
			entityId: row.id,
			changes: {
				personId: [null, person.id],
				role: [null, row.role],
				unitId: [null, row.unitId],
				startsOn: [null, row.startsOn],
				endsOn: [null, row.endsOn]
			}
		});
		return row;
	});
}
