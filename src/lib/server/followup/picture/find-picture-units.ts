import type { Db } from '../../db';
import { can, type Actor } from '../../policies';
import { holds } from '../../policies/actor';
import { FOLLOWUP_READERS } from '../../policies/followup';
import { loadUnitAccess } from '../../assessment/rounds/unit-access';

/**
 * The scopes a reader may choose on the one-picture page: the organizer as a whole (organizer-wide readers) and every
 * active unit where followup.view holds (a principal: their units and areas with those under them), in tree order.
 */
export async function findPictureUnits(db: Db, o: { actor: Actor; organizerId: string }) {
	const access = await loadUnitAccess(db, o.organizerId);
	const units = access.tree
		.filter((u) => !u.archivedAt)
		.filter((u) =>
			can(o.actor, 'followup.view', {
				type: 'followup',
				organizerId: o.organizerId,
				unitId: u.id,
				ancestorIds: access.resource(u.id).ancestorIds
			})
		)
		.map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
	return { organizerWide: holds(o.actor, o.organizerId, FOLLOWUP_READERS), units };
}
