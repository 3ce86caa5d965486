import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { auditShape, countUnitReferences, lockUnit } from './unit-checks';
import { isForeignKeyViolation } from '../db/pg-errors';

export type DeleteUnitOptions = { actor: Actor | null; organizerId: string; unitId: string };

/**
 * Deletes a unit that nothing refers to (a unit created by mistake). A unit with units
 * under it, role assignments, or any other row pointing at it is CONFLICT: archive it instead.
 */
export async function deleteUnit(db: Db, { actor, organizerId, unitId }: DeleteUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	const inUse = () => new AppError('CONFLICT', 'unit in use', [{ field: 'delete', message: 'units_error_in_use' }]);
	return db.transaction(async (tx) => {
		const before = await lockUnit(tx, organizerId, unitId);
		if ((await countUnitReferences(tx, organizerId, before.id)) > 0) throw inUse();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'unit.delete',
			entityType: 'unit',
			entityId: before.id,
			changes: Object.fromEntries(Object.entries(auditShape(before)).map(([field, value]) => [field, [value, null]]))
		});
		try {
			await tx.delete(units).where(eq(units.id, before.id));
		} catch (e) {
			// Tables added later (cases, devices …) may point here too; the database knows.
			if (isForeignKeyViolation(e)) throw inUse();
			throw e;
		}
		return before;
	});
}
