import { and, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db } from '../db';
import { people, roleAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { isUuid } from '../ids';

/** How many other organizer-wide, in-force org_admin assignments of active people there are. */
async function otherAdmins(db: Db, organizerId: string, exceptId: string) {
	const today = todayInStockholm();
	return db
		.select({ id: roleAssignments.id })
		.from(roleAssignments)
		.innerJoin(people, eq(people.id, roleAssignments.personId))
		.where(
			and(
				eq(roleAssignments.organizerId, organizerId),
				eq(roleAssignments.role, 'org_admin'),
				isNull(roleAssignments.unitId),
				ne(roleAssignments.id, exceptId),
				eq(people.status, 'active'),
				or(isNull(roleAssignments.startsOn), lte(roleAssignments.startsOn, today)),
				or(isNull(roleAssignments.endsOn), gte(roleAssignments.endsOn, today))
			)
		)
		.limit(1);
}

/**
 * Removes one of the organizer's role assignments (audited as role.remove with the removed row).
 * NOT_FOUND for an assignment of another organizer; refused when it would leave the organizer
 * without any organization administrator.
 */
export async function removeRoleAssignment(
	db: Db,
	{ actor, organizerId, assignmentId }: { actor: Actor | null; organizerId: string; assignmentId: string }
) {
	authorize(actor, 'role.assign', { type: 'organizer', organizerId });
	if (!isUuid(assignmentId)) throw new AppError('NOT_FOUND', 'role assignment');
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(roleAssignments)
			.where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.organizerId, organizerId)));
		if (!before) throw new AppError('NOT_FOUND', 'role assignment');
		const today = todayInStockholm();
		const inForce = (!before.startsOn || before.startsOn <= today) && (!before.endsOn || before.endsOn >= today);
		if (before.role === 'org_admin' && !before.unitId && inForce && (await otherAdmins(tx, organizerId, before.id)).length === 0) {
			throw new AppError('INVALID', 'last admin', [{ field: 'roles', message: 'people_error_last_admin' }]);
		}
		await tx.delete(roleAssignments).where(eq(roleAssignments.id, before.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'role.remove',
			entityType: 'role_assignment',
			entityId: before.id,
			changes: {
				personId: [before.personId, null],
				role: [before.role, null],
				unitId: [before.unitId, null],
				startsOn: [before.startsOn, null],
				endsOn: [before.endsOn, null]
			}
		});
		return before;
	});
}
