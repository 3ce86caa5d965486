import type { Db } from '../../db';
import { AppError } from '../../errors';
import { holds } from '../../policies/actor';
import { authorize, can, type Actor } from '../../policies';
import { AGGREGATE_READERS } from '../../policies/competence';
import { loadCompetenceScope } from '../competence-scope';

/**
 * Whose needs and uptake a reader sees (competence.needs): a unit with the units under it, or the organizer (unitId
 * null) for organizer-wide readers; a principal without a unit named starts at their first unit. Refused (FORBIDDEN,
 * NOT_FOUND) as the needs picture refuses. `unitIds` is null for the organizer as a whole.
 */
export async function resolveNeedsScope(db: Db, o: { actor: Actor | null; organizerId: string; unitId: string | null }) {
	authorize(o.actor, 'competence.needs', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const { tree, byId, resource } = await loadCompetenceScope(db, o.organizerId);
	const organizerWide = holds(actor, o.organizerId, AGGREGATE_READERS);
	const readable = tree
		.filter((u) => !u.archivedAt && can(actor, 'competence.needs', resource(u.id)))
		.sort((a, b) => a.nameSort.localeCompare(b.nameSort));
	const unitId = o.unitId ?? (organizerWide ? null : (readable.find((u) => actor.assignments.some((a) => a.unitId === u.id))?.id ?? null));
	const unit = unitId ? byId.get(unitId) : null;
	if (unitId && !unit) throw new AppError('NOT_FOUND', 'no such unit');
	if (!unit && !organizerWide) throw new AppError('FORBIDDEN', 'organizer-wide');
	if (unit && !can(actor, 'competence.needs', resource(unit.id))) throw new AppError('FORBIDDEN', 'not your unit');
	const unitIds = unit ? tree.filter((u) => u.id === unit.id || resource(u.id).ancestorIds.includes(unit.id)).map((u) => u.id) : null;
	return { actor, unit, unitIds, readable, resource, organizerWide };
}
