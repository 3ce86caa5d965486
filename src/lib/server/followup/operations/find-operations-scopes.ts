import type { Db } from '../../db';
import { can, type Actor } from '../../policies';
import { holds } from '../../policies/actor';
import { FOLLOWUP_READERS } from '../../policies/followup';
import { ancestorsIn, loadUnitTree } from './load-unit-tree';

/**
 * The scopes the operational follow-up offers a reader (followup.view): every unit for organizer-wide readers, a
 * principal's own units and those below them. `organizerWide` says whether the organizer as a whole is their natural
 * start; a principal starts at their first unit and sees the organizer only as an average beside it.
 */
export async function findOperationsScopes(db: Db, actor: Actor, organizerId: string) {
	const tree = await loadUnitTree(db, organizerId);
	const units = tree
		.filter((u) => can(actor, 'followup.view', { type: 'followup', organizerId, unitId: u.id, ancestorIds: ancestorsIn(tree, u.id) }))
		.map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
	return { organizerWide: holds(actor, organizerId, FOLLOWUP_READERS), units };
}
