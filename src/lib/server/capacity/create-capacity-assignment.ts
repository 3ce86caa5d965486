import type { Db } from '../db';
import { capacityAssignments } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { newAssignmentSchema, minutesOf, type FormInput, type NewAssignmentInput } from './assignment-input';
import { holdsKeyRole, loadCapacityScope } from './capacity-scope';

export type CapacityAssignmentRow = typeof capacityAssignments.$inferSelect;

/**
 * Gives a key person time for their assignment at a unit (capacity.manage at that unit: its principal, or
 * administrators and leadership). The unit must be the organizer's and active; the person must hold the chain's
 * key-person role at that unit in the period, else the refusal stands beside the person. Audited.
 */
export async function createCapacityAssignment(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<NewAssignmentInput> }
): Promise<CapacityAssignmentRow> {
	authorize(opts.actor, 'capacity.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(newAssignmentSchema, opts.input);
	const { byId, resource } = await loadCapacityScope(db, opts.organizerId);
	const unit = isUuid(input.unitId) ? byId.get(input.unitId) : undefined;
	if (!unit || unit.archivedAt) throw invalid('unitId', 'capacity_error_unit');
	authorize(actor, 'capacity.manage', resource(unit.id, input.personId));
	const keyPerson =
		isUuid(input.personId) &&
		(await holdsKeyRole(db, {
			organizerId: opts.organizerId,
			personId: input.personId,
			unitId: unit.id,
			chain: input.chain,
			validFrom: input.validFrom,
			validTo: input.validTo
		}));
	if (!keyPerson)
		throw new AppError('INVALID', 'not a key person there', [
			{ field: 'personId', message: `capacity_error_not_key_person_${input.chain}` }
		]);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(capacityAssignments)
			.values({
				organizerId: opts.organizerId,
				personId: input.personId,
				unitId: unit.id,
				chain: input.chain,
				minutesPerWeek: minutesOf(input.hours),
				validFrom: input.validFrom,
				validTo: input.validTo,
				note: input.note,
				createdBy: actor.personId
			})
			.returning();
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: actor.personId,
			action: 'capacity_assignment.create',
			entityType: 'capacity_assignment',
			entityId: row.id,
			changes: {
				personId: [null, row.personId],
				unitId: [null, row.unitId],
				chain: [null, row.chain],
				minutesPerWeek: [null, row.minutesPerWeek],
				validFrom: [null, row.validFrom],
				validTo: [null, row.validTo]
			}
		});
		return row;
	});
}
