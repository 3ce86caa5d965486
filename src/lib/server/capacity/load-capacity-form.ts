import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { authorize, can, type Actor } from '../policies';
import { flattenTree } from '../org/unit-tree';
import { findKeyRoles, loadCapacityScope } from './capacity-scope';
import { shownNamesById } from '../support/privacy/shown-names';

/**
 * What the new-allotment form offers (capacity.manage): the active units the actor manages that have key people,
 * in tree order, and those key people (each once, with the units they are key people at, for the label).
 */
export async function loadCapacityForm(db: Db, opts: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(opts.actor, 'capacity.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, byId, resource } = await loadCapacityScope(db, opts.organizerId);
	const managed = tree.filter((u) => !u.archivedAt && can(actor, 'capacity.manage', resource(u.id)));
	const roles = await findKeyRoles(
		db,
		opts.organizerId,
		managed.map((u) => u.id),
		todayInStockholm(opts.now)
	);
	const withKeyPeople = new Set(roles.map((r) => r.unitId));
	const units = flattenTree(
		managed.filter((u) => withKeyPeople.has(u.id)),
		(u) => u.nameSort
	).map((u) => ({ id: u.id, name: u.name }));
	const personIds = [...new Set(roles.map((r) => r.personId))];
	const found = personIds.length
		? await db.select({ id: people.id, nameSort: people.nameSort }).from(people).where(inArray(people.id, personIds))
		: [];
	const names = await shownNamesById(db, { actor, organizerId: opts.organizerId, personIds, via: 'capacity' });
	const unitsOf = (personId: string) => [
		...new Set(roles.filter((r) => r.personId === personId).map((r) => byId.get(r.unitId!)?.name ?? ''))
	];
	const keyPeople = found
		.sort((a, b) => (a.nameSort < b.nameSort ? -1 : a.nameSort > b.nameSort ? 1 : 0))
		.map((p) => ({ id: p.id, name: names.get(p.id) ?? '', units: unitsOf(p.id) }));
	return { units, keyPeople };
}
