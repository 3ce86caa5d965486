import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { capacityAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import type { Chain } from '../support/constants';
import { editAssignmentSchema, minutesOf, type EditAssignmentInput, type FormInput } from './assignment-input';
import { holdsKeyRole } from './capacity-scope';
import { getCapacityAssignment } from './get-capacity-assignment';

/**
 * Changes an allotment's hours, period or note (capacity.manage). The new period must still fall where the person
 * holds the key-person role at the unit. Audited with before and after.
 */
export async function updateCapacityAssignment(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; assignmentId: string; input: FormInput<EditAssignmentInput> }
) {
	return db.transaction(async (tx) => {
		const { row, resource } = await getCapacityAssignment(tx, { ...opts, forUpdate: true });
		authorize(opts.actor, 'capacity.manage', resource);
		const input = parseOrThrow(editAssignmentSchema, opts.input);
		const still = await holdsKeyRole(tx, { ...row, chain: row.chain as Chain, validFrom: input.validFrom, validTo: input.validTo });
		if (!still) throw new AppError('INVALID', 'not a key person then', [{ field: 'validFrom', message: 'capacity_error_role_period' }]);
		const after = { minutesPerWeek: minutesOf(input.hours), validFrom: input.validFrom, validTo: input.validTo, note: input.note };
		const [updated] = await tx
			.update(capacityAssignments)
			.set({ ...after, updatedAt: new Date() })
			.where(eq(capacityAssignments.id, row.id))
			.returning();
		const changes = Object.fromEntries(
			(Object.keys(after) as (keyof typeof after)[]).filter((k) => row[k] !== after[k]).map((k) => [k, [row[k], after[k]]])
		);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'capacity_assignment.update',
			entityType: 'capacity_assignment',
			entityId: row.id,
			changes
		});
		return updated;
	});
}
