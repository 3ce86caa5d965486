import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { units } from '../../db/schema';
import { AppError } from '../../errors';
import type { Resource } from '../../policies';
import { ancestorIdsOf } from '../../org/unit-tree';
import { getRound, requireRoundUnit } from '../rounds/get-round';

export type UnitResource = Extract<Resource, { type: 'unit' }>;

/**
 * A round of the organizer and one of its units, with the unit as a policy resource
 * (ancestors included, so a rektorsområde role covers its skolenheter). NOT_FOUND for
 * another organizer's round, a unit outside the round or a malformed id. Callers authorize.
 */
export async function getRoundUnit(db: Db, opts: { organizerId: string; roundId: string; unitId: string }) {
	const round = await getRound(db, opts);
	requireRoundUnit(round, opts.unitId);
	const tree = await db
		.select({ id: units.id, parentId: units.parentId, name: units.name })
		.from(units)
		.where(eq(units.organizerId, opts.organizerId));
	const byId = new Map(tree.map((u) => [u.id, u]));
	const unit = byId.get(opts.unitId);
	if (!unit) throw new AppError('NOT_FOUND', 'unit');
	const resource: UnitResource = {
		type: 'unit',
		organizerId: opts.organizerId,
		unitId: unit.id,
		ancestorIds: ancestorIdsOf(unit.id, byId)
	};
	return { round, unit: { id: unit.id, name: unit.name }, resource };
}
