import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { flattenTree } from '../org/unit-tree';
import { loadDeviceScope } from './device-scope';

/** What the new-device form offers (devices.manage): the organizer's models and the active units where the actor manages devices. */
export async function loadDeviceForm(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const { tree, resource } = await loadDeviceScope(db, opts.organizerId);
	const units = flattenTree(
		tree.filter((u) => !u.archivedAt && can(actor, 'devices.manage', resource(u.id))),
		(u) => u.nameSort
	).map((u) => ({ id: u.id, name: u.name, depth: u.depth }));
	const models = await db
		.select({ id: deviceModels.id, maker: deviceModels.maker, model: deviceModels.model })
		.from(deviceModels)
		.where(eq(deviceModels.organizerId, opts.organizerId))
		.orderBy(asc(deviceModels.maker), asc(deviceModels.model));
	return { units, models };
}
