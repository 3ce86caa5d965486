import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceBookings, devicePools, devices } from '../db/schema';
import { authorize, can, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';
import { poolResource } from './load-pool';

/**
 * The loaner pools the actor may book from or manage (devices.book), with how many devices each has and how many of
 * its bookings are out now; central pools first, then by name. Also the units where the actor may create a pool, and
 * whether they may create a central one.
 */
export async function findDevicePools(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'devices.book', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const scope = await loadDeviceScope(db, opts.organizerId);
	const pools = await db.select().from(devicePools).where(eq(devicePools.organizerId, opts.organizerId));
	const visible = pools.filter((p) => can(actor, 'devices.book', poolResource(scope, p.unitId)));
	const ids = visible.map((p) => p.id);
	const sizes = ids.length
		? await db.select({ poolId: devices.poolId, n: count() }).from(devices).where(inArray(devices.poolId, ids)).groupBy(devices.poolId)
		: [];
	const out = ids.length
		? await db
				.select({ poolId: deviceBookings.poolId, n: count() })
				.from(deviceBookings)
				.where(and(inArray(deviceBookings.poolId, ids), eq(deviceBookings.status, 'picked_up')))
				.groupBy(deviceBookings.poolId)
		: [];
	const sizeOf = new Map(sizes.map((s) => [s.poolId, s.n]));
	const outOf = new Map(out.map((s) => [s.poolId, s.n]));
	const unitName = (id: string | null) => (id ? (scope.byId.get(id)?.name ?? '') : '');
	return {
		pools: visible
			.map((p) => ({
				id: p.id,
				name: p.name,
				unitName: unitName(p.unitId),
				central: p.unitId === null,
				devices: sizeOf.get(p.id) ?? 0,
				out: outOf.get(p.id) ?? 0,
				canManage: can(actor, 'devices.pools', poolResource(scope, p.unitId))
			}))
			.sort((a, b) => Number(b.central) - Number(a.central) || a.name.localeCompare(b.name, 'sv')),
		units: scope.tree
			.filter((u) => !u.archivedAt && can(actor, 'devices.pools', scope.resource(u.id)))
			.sort((a, b) => (a.nameSort < b.nameSort ? -1 : 1))
			.map((u) => ({ id: u.id, name: u.name })),
		canCentral: can(actor, 'devices.pools', poolResource(scope, null))
	};
}
