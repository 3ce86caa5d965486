import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { getCycle } from './get-cycle';
import { loadGroupOptions, loadRolesOf } from './load-group-options';

/**
 * The working-group form of a cycle, for those who write its scope's plan: everyone who may be chosen, and
 * the current members (also those no longer among the choices, so saving never drops someone unseen).
 */
export async function loadCycleGroupForm(db: Db, opts: { actor: Actor; organizerId: string; cycleId: string }) {
	const cycle = await getCycle(db, opts);
	authorize(opts.actor, 'plan.write', cycle.resource);
	const options = await loadGroupOptions(db, opts);
	const missing = cycle.memberIds.filter((id) => !options.some((p) => p.id === id));
	const [names, roles] = await Promise.all([
		shownNamesById(db, { actor: opts.actor, organizerId: opts.organizerId, personIds: missing, via: 'planning' }),
		loadRolesOf(db, opts.organizerId, missing)
	]);
	const former = missing.map((id) => ({ id, name: names.get(id) ?? '', roles: roles.get(id) ?? [] }));
	return { people: [...options, ...former], memberIds: cycle.memberIds };
}
