import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { units } from '../db/schema';
import { can, type Actor } from '../policies';
import { ancestorIdsOf, flattenTree } from './unit-tree';

/** The organizer's active units the actor may see, as a tree in Swedish order. */
export async function findVisibleUnits(db: Db, actor: Actor, organizerId: string) {
	const rows = await db
		.select({
			id: units.id,
			parentId: units.parentId,
			name: units.name,
			nameSort: units.nameSort,
			kind: units.kind,
			schoolUnitCode: units.schoolUnitCode
		})
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	const byId = new Map(rows.map((r) => [r.id, r]));
	const visible = rows.filter((u) =>
		can(actor, 'unit.view', { type: 'unit', organizerId, unitId: u.id, ancestorIds: ancestorIdsOf(u.id, byId) })
	);
	return flattenTree(visible, (u) => u.nameSort).map(({ nameSort: _s, ...u }) => u);
}
