import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { devicePools } from '../db/schema';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import type { DevicesResource } from '../policies';
import { loadDeviceScope } from './device-scope';

/** The devices resource of a pool: its unit and those above, or a central pool. Internal to the devices domain. */
export function poolResource(scope: Awaited<ReturnType<typeof loadDeviceScope>>, unitId: string | null): DevicesResource {
	return unitId ? scope.resource(unitId) : { ...scope.resource(''), unitId: null, ancestorIds: [], central: true };
}

/** One pool of the organizer (locked when asked) with its resource; NOT_FOUND for unknown ids. Internal. */
export async function loadPool(db: Db, o: { organizerId: string; poolId: string; forUpdate?: boolean }) {
	if (!isUuid(o.poolId)) throw new AppError('NOT_FOUND', 'no such pool');
	const query = db
		.select()
		.from(devicePools)
		.where(and(eq(devicePools.id, o.poolId), eq(devicePools.organizerId, o.organizerId)));
	const [pool] = o.forUpdate ? await query.for('update') : await query;
	if (!pool) throw new AppError('NOT_FOUND', 'no such pool');
	const scope = await loadDeviceScope(db, o.organizerId);
	return { pool, scope, resource: poolResource(scope, pool.unitId) };
}
