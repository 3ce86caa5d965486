import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import { ancestorIdsOf, flattenTree } from '../../org/unit-tree';

export type OpsUnit = { id: string; parentId: string | null; name: string; kind: string; schoolUnitCode: string | null; depth: number };

/** The organizer's active units in Swedish tree order (the follow-up's own read: it authorizes per unit itself). */
export async function loadUnitTree(db: Db, organizerId: string): Promise<OpsUnit[]> {
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
	return flattenTree(rows, (u) => u.nameSort).map(({ nameSort: _s, ...u }) => u);
}

/** A unit's parents (nearest first) within a loaded tree. */
export function ancestorsIn(tree: OpsUnit[], unitId: string): string[] {
	return ancestorIdsOf(unitId, new Map(tree.map((u) => [u.id, u])));
}

/** A unit and every unit below it within a loaded tree. */
export function subtreeIds(tree: OpsUnit[], unitId: string): string[] {
	const out = [unitId];
	for (let i = 0; i < out.length; i++) for (const u of tree) if (u.parentId === out[i]) out.push(u.id);
	return out;
}
