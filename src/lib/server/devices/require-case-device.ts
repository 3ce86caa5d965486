import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { devices } from '../db/schema';
import { invalid } from '../errors';
import { can, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';

/**
 * A case in a category marked "Gäller utrustning" (deviceRelated) must name the device when the form can offer
 * it: the requester holds devices and the filer can choose one — from their own list when they file for themselves
 * (refused beside `deviceId`), or by its tag when they manage one of the requester's devices (beside `deviceTag`).
 * A requester who holds none, or a mentor filing for a student whose devices they cannot name, is not held up: the
 * equipment is described in the free-text field. Called by fileTicket only when no device was chosen.
 */
export async function requireCaseDevice(db: Db, opts: { actor: Actor; organizerId: string; requesterId: string }): Promise<void> {
	const held = await db
		.select({ unitId: devices.unitId })
		.from(devices)
		.where(and(eq(devices.organizerId, opts.organizerId), eq(devices.holderId, opts.requesterId)))
		.limit(50);
	if (held.length === 0) return;
	if (opts.requesterId === opts.actor.personId) throw invalid('deviceId', 'devicereturns_error_device_required');
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	if (held.some((d) => can(opts.actor, 'devices.manage', resource(d.unitId))))
		throw invalid('deviceTag', 'devicereturns_error_device_tag_required');
}
