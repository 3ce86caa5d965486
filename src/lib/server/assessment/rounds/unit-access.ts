import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import { ancestorIdsOf, flattenTree } from '../../org/unit-tree';

export type UnitResource = { type: 'unit'; organizerId: string; unitId: string; ancestorIds: string[] };

/**
 * Every unit of the organizer (archived too, since old rounds name them) in tree order,
 * with a function that gives the policy resource of a unit.
 */
export async function loadUnitAccess(db: Db, organizerId: string) {
	const rows = await db
		.select({
			id: units.id,
			parentId: units.parentId,
			name: units.name,
			nameSort: units.nameSort,
			kind: units.kind,
			archivedAt: units.archivedAt
		})
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const tree = flattenTree(rows, (u) => u.nameSort);
	const order = new Map(tree.map((u, i) => [u.id, i]));
	return {
		tree,
		byId,
		/** The policy resource of one unit. */
		resource: (unitId: string): UnitResource => ({ type: 'unit', organizerId, unitId, ancestorIds: ancestorIdsOf(unitId, byId) }),
		/** Unit ids in tree order. */
		sort: (ids: string[]) => [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))
	};
}
