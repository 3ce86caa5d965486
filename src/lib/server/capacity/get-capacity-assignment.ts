import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments, people } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { loadCapacityScope } from './capacity-scope';

/**
 * One allotment with its person's and unit's names, for someone who may read it (the key person, or who manages it);
 * an id that is not the organizer's, or one the actor may not read, is NOT_FOUND. `forUpdate` locks the row (writers).
 */
export async function getCapacityAssignment(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; assignmentId: string; forUpdate?: boolean }
) {
	if (!isUuid(opts.assignmentId)) throw new AppError('NOT_FOUND', 'capacity assignment');
	const query = db
		.select({ row: capacityAssignments, personName: people.name })
		.from(capacityAssignments)
		.innerJoin(people, eq(people.id, capacityAssignments.personId))
		.where(and(eq(capacityAssignments.id, opts.assignmentId), eq(capacityAssignments.organizerId, opts.organizerId)));
	const [found] = opts.forUpdate ? await query.for('update', { of: capacityAssignments }) : await query;
	if (!found) throw new AppError('NOT_FOUND', 'capacity assignment');
	const { byId, resource } = await loadCapacityScope(db, opts.organizerId);
	const r = resource(found.row.unitId, found.row.personId);
	if (!can(opts.actor, 'capacity.read', r)) throw new AppError('NOT_FOUND', 'capacity assignment');
	authorize(opts.actor, 'capacity.read', r);
	return {
		row: found.row,
		personName: found.personName,
		unitName: byId.get(found.row.unitId)?.name ?? '',
		canManage: can(opts.actor, 'capacity.manage', r),
		resource: r
	};
}
