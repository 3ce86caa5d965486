import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { recordAudit } from '../audit/record-audit';
import { lockUnit, parentIssues } from './unit-checks';
import { throwIfIssues } from '../errors';

export type MoveUnitOptions = { actor: Actor | null; organizerId: string; unitId: string; parentId: string | null };

/**
 * Moves a unit (with everything under it) to a new parent, or to the top with parentId null.
 * Refuses, with a field issue on parentId, a parent that is the unit itself or lies below it,
 * one that is archived, or one from another organizer. Moving to where it already is changes nothing.
 */
export async function moveUnit(db: Db, { actor, organizerId, unitId, parentId }: MoveUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	const target = parentId || null;
	return db.transaction(async (tx) => {
		const before = await lockUnit(tx, organizerId, unitId);
		throwIfIssues(before.archivedAt ? [{ field: 'form', message: 'units_error_unit_archived' }] : []);
		if (before.parentId === target) return before;
		throwIfIssues(await parentIssues(tx, organizerId, target, unitId));
		const [row] = await tx.update(units).set({ parentId: target, updatedAt: new Date() }).where(eq(units.id, before.id)).returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'unit.move',
			entityType: 'unit',
			entityId: row.id,
			changes: { parentId: [before.parentId, row.parentId] }
		});
		return row;
	});
}
