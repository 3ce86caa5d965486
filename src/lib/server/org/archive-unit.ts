import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { recordAudit } from '../audit/record-audit';
import { lockUnit, type UnitRow } from './unit-checks';
import { throwIfIssues } from '../errors';

export type ArchiveUnitOptions = { actor: Actor | null; organizerId: string; unitId: string };

async function setArchived(tx: Db, actor: Actor, before: UnitRow, archivedAt: Date | null, action: string) {
	const [row] = await tx.update(units).set({ archivedAt, updatedAt: new Date() }).where(eq(units.id, before.id)).returning();
	await recordAudit(tx, {
		organizerId: before.organizerId,
		actorId: actor.personId,
		action,
		entityType: 'unit',
		entityId: row.id,
		changes: { archivedAt: [before.archivedAt?.toISOString() ?? null, row.archivedAt?.toISOString() ?? null] }
	});
	return row;
}

/**
 * Archives a unit: it leaves the tree and the pickers, but everything that refers to it stays.
 * A unit with active units under it cannot be archived; move or archive those first.
 * Archiving an archived unit changes nothing.
 */
export async function archiveUnit(db: Db, { actor, organizerId, unitId }: ArchiveUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const before = await lockUnit(tx, organizerId, unitId);
		if (before.archivedAt) return before;
		const [child] = await tx
			.select({ id: units.id })
			.from(units)
			.where(and(eq(units.organizerId, organizerId), eq(units.parentId, before.id), isNull(units.archivedAt)))
			.limit(1);
		throwIfIssues(child ? [{ field: 'archive', message: 'units_error_has_active_children' }] : []);
		return setArchived(tx, actor, before, new Date(), 'unit.archive');
	});
}

/**
 * Brings an archived unit back into the tree. Its parent must be active, so restore
 * parents before children. Restoring an active unit changes nothing.
 */
export async function restoreUnit(db: Db, { actor, organizerId, unitId }: ArchiveUnitOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const before = await lockUnit(tx, organizerId, unitId);
		if (!before.archivedAt) return before;
		if (before.parentId) {
			const [parent] = await tx
				.select({ archivedAt: units.archivedAt })
				.from(units)
				.where(and(eq(units.id, before.parentId), eq(units.organizerId, organizerId)));
			throwIfIssues(parent?.archivedAt ? [{ field: 'restore', message: 'units_error_restore_parent_archived' }] : []);
		}
		return setArchived(tx, actor, before, null, 'unit.restore');
	});
}
