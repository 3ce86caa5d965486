import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import { ancestorIdsOf } from '../../org/unit-tree';
import type { UnitResource } from './get-round-unit';

/** Every unit of the organizer as a policy resource, by id (for deciding which units of a round an actor sees). */
export async function findUnitResources(db: Db, organizerId: string) {
	const tree = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name, nameSort: units.nameSort })
		.from(units)
		.where(eq(units.organizerId, organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	return new Map(
		tree.map((u) => [
			u.id,
			{
				name: u.name,
				nameSort: u.nameSort,
				resource: { type: 'unit', organizerId, unitId: u.id, ancestorIds: ancestorIdsOf(u.id, byId) } as UnitResource
			}
		])
	);
}
