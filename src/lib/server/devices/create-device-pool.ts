import type { Db } from '../db';
import { devicePools } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { isUniqueViolation } from '../db/pg-errors';
import type { FormInput } from './device-input';
import { loadDeviceScope } from './device-scope';
import { poolResource } from './load-pool';
import { poolSchema, type PoolInput } from './pool-input';

/**
 * Creates a loaner pool (devices.pools): a unit's pool by its technical key person (or above), a central pool only by
 * organizer-wide managers. A name the organizer already uses is refused beside the field. Audited device_pool.create.
 */
export async function createDevicePool(db: Db, opts: { actor: Actor | null; organizerId: string; input: FormInput<PoolInput> }) {
	authorize(opts.actor, 'devices.pools', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(poolSchema, opts.input);
	const scope = await loadDeviceScope(db, opts.organizerId);
	const unit = input.unitId && isUuid(input.unitId) ? scope.byId.get(input.unitId) : undefined;
	if (input.unitId && (!unit || unit.archivedAt)) throw invalid('unitId', 'devices_error_unit');
	authorize(actor, 'devices.pools', poolResource(scope, unit?.id ?? null));
	try {
		return await db.transaction(async (tx) => {
			const [pool] = await tx
				.insert(devicePools)
				.values({ organizerId: opts.organizerId, name: input.name, unitId: unit?.id ?? null })
				.returning();
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: actor.personId,
				action: 'device_pool.create',
				entityType: 'device_pool',
				entityId: pool.id,
				changes: { name: [null, pool.name], unitId: [null, pool.unitId] }
			});
			return pool;
		});
	} catch (e) {
		if (isUniqueViolation(e, 'device_pools_name_unique'))
			throw new AppError('CONFLICT', 'pool name taken', [{ field: 'name', message: 'devices_pool_error_name_taken' }]);
		throw e;
	}
}
