import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { AppError } from '../errors';
import { type UnitRow } from './unit-checks';
import { flattenTree } from './unit-tree';
import { isUuid } from '../ids';

export type FindUnitsOptions = { actor: Actor | null; organizerId: string; includeArchived?: boolean };

/**
 * The organizer's whole unit tree for administration, depth-first with each level in
 * Swedish order, each row with its depth. Archived units only when asked for.
 */
export async function findUnits(db: Db, { actor, organizerId, includeArchived = false }: FindUnitsOptions) {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	const rows = await db
		.select()
		.from(units)
		.where(includeArchived ? eq(units.organizerId, organizerId) : and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	return flattenTree(rows, (u) => u.nameSort);
}

export type GetUnitOptions = { actor: Actor | null; organizerId: string; unitId: string };

/** One unit of the organizer; NOT_FOUND for another organizer's unit or an id that is not one. */
export async function getUnitById(db: Db, { actor, organizerId, unitId }: GetUnitOptions): Promise<UnitRow> {
	authorize(actor, 'unit.manage', { type: 'organizer', organizerId });
	if (!isUuid(unitId)) throw new AppError('NOT_FOUND', 'unit');
	const [row] = await db
		.select()
		.from(units)
		.where(and(eq(units.id, unitId), eq(units.organizerId, organizerId)));
	if (!row) throw new AppError('NOT_FOUND', 'unit');
	return row;
}
