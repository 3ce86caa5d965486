import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels, devices } from '../db/schema';

export type HeldDevice = { id: string; assetTag: string; maker: string; model: string; type: string };

/**
 * The devices a person holds at an organizer (handed out or on loan to them), by tag. What the filing form offers
 * ("which of your devices is it about?") and what "my devices" lists; no policy check, since it only ever answers
 * for the person it is asked about — callers pass the actor's own id or a person the actor files for.
 */
export async function findHeldDevices(db: Db, opts: { organizerId: string; personId: string }): Promise<HeldDevice[]> {
	return db
		.select({ id: devices.id, assetTag: devices.assetTag, maker: deviceModels.maker, model: deviceModels.model, type: deviceModels.type })
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.where(and(eq(devices.organizerId, opts.organizerId), eq(devices.holderId, opts.personId)))
		.orderBy(asc(devices.assetTag))
		.limit(50);
}
