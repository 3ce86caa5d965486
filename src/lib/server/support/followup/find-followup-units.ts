import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import { can, type Actor } from '../../policies';

/**
 * Units whose own follow-up page the actor may open because of a role at the unit (principal, key
 * person). Empty for organizer-wide readers, who reach every unit from the organizer's page.
 */
export async function findFollowupUnits(db: Db, actor: Actor, organizerId: string): Promise<{ id: string; name: string }[]> {
	if (can(actor, 'support.followup', { type: 'support', organizerId, unitId: null, ancestorIds: [] })) return [];
	const ids = actor.assignments.filter((a) => a.organizerId === organizerId && a.unitId !== null).map((a) => a.unitId!);
	if (ids.length === 0) return [];
	const rows = await db
		.select({ id: units.id, name: units.name, nameSort: units.nameSort })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), inArray(units.id, ids), isNull(units.archivedAt)))
		.orderBy(units.nameSort);
	return rows
		.filter((u) => can(actor, 'support.followup', { type: 'support', organizerId, unitId: u.id, ancestorIds: [] }))
		.map(({ id, name }) => ({ id, name }));
}
