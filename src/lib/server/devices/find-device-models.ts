import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels, devices } from '../db/schema';
import { authorize, can, type Actor } from '../policies';

/** The organizer's device models with how many devices each has (devices.view), and whether the actor may add one. */
export async function findDeviceModels(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'devices.view', { type: 'organizer', organizerId: opts.organizerId });
	const rows = await db
		.select({
			id: deviceModels.id,
			maker: deviceModels.maker,
			model: deviceModels.model,
			type: deviceModels.type,
			purchasePrice: deviceModels.purchasePrice,
			leasePerMonth: deviceModels.leasePerMonth,
			expectedLifeMonths: deviceModels.expectedLifeMonths,
			warrantyMonths: deviceModels.warrantyMonths,
			devices: count(devices.id)
		})
		.from(deviceModels)
		.leftJoin(devices, eq(devices.modelId, deviceModels.id))
		.where(eq(deviceModels.organizerId, opts.organizerId))
		.groupBy(deviceModels.id)
		.orderBy(asc(deviceModels.maker), asc(deviceModels.model));
	return { models: rows, canAdd: can(opts.actor, 'devices.models', { type: 'organizer', organizerId: opts.organizerId }) };
}
