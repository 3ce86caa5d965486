import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { todayInStockholm } from '../auth/load-actor';
import { conflict } from '../errors';
import { authorize, type Actor } from '../policies';
import { getCapacityAssignment } from './get-capacity-assignment';

/**
 * Ends an allotment today (capacity.manage): its last day becomes today, or its first day when it has not begun, so
 * the weeks already counted keep their time. One that has already ended is refused. Audited.
 */
export async function endCapacityAssignment(db: Db, opts: { actor: Actor | null; organizerId: string; assignmentId: string; now?: Date }) {
	const today = todayInStockholm(opts.now);
	return db.transaction(async (tx) => {
		const { row, resource } = await getCapacityAssignment(tx, { ...opts, forUpdate: true });
		authorize(opts.actor, 'capacity.manage', resource);
		if (row.validTo !== null && row.validTo < today) throw conflict('end', 'capacity_error_already_ended');
		const validTo = row.validFrom > today ? row.validFrom : today;
		const [updated] = await tx
			.update(capacityAssignments)
			.set({ validTo, updatedAt: new Date() })
			.where(eq(capacityAssignments.id, row.id))
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'capacity_assignment.end',
			entityType: 'capacity_assignment',
			entityId: row.id,
			changes: { validTo: [row.validTo, validTo] }
		});
		return updated;
	});
}
