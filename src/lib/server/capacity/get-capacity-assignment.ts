import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, can, type Actor } from '../policies';
import { loadCapacityScope } from './capacity-scope';
import { shownNamesById } from '../support/privacy/shown-names';

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
		.select({ row: capacityAssignments })
		.from(capacityAssignments)
		.where(and(eq(capacityAssignments.id, opts.assignmentId), eq(capacityAssignments.organizerId, opts.organizerId)));
	const [found] = opts.forUpdate ? await query.for('update', { of: capacityAssignments }) : await query;
	if (!found) throw new AppError('NOT_FOUND', 'capacity assignment');
	const { byId, resource } = await loadCapacityScope(db, opts.organizerId);
	const r = resource(found.row.unitId, found.row.personId);
	if (!can(opts.actor, 'capacity.read', r)) throw new AppError('NOT_FOUND', 'capacity assignment');
	authorize(opts.actor, 'capacity.read', r);
	const names = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		personIds: [found.row.personId],
		via: 'capacity'
	});
	return {
		row: found.row,
		personName: names.get(found.row.personId) ?? '',
		unitName: byId.get(found.row.unitId)?.name ?? '',
		canManage: can(opts.actor, 'capacity.manage', r),
		resource: r
	};
}
