import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { devices } from '../db/schema';
import { AppError, invalid } from '../errors';
import { authorize, can, type Actor } from '../policies';
import type { loadDeviceScope } from './device-scope';

/**
 * Within a transaction: the organizer's device with this tag, locked against a second scan station, or the refusal
 * beside the tag field: no such tag, or a device at a unit the actor does not manage. Internal to the devices domain.
 */
export async function lockDeviceByTag(
	tx: Db,
	o: { actor: Actor; organizerId: string; tag: string; scope: Awaited<ReturnType<typeof loadDeviceScope>> }
) {
	const [device] = await tx
		.select()
		.from(devices)
		.where(and(eq(devices.organizerId, o.organizerId), eq(devices.assetTag, o.tag)))
		.for('update');
	if (!device) throw invalid('tag', 'devices_error_tag_unknown');
	if (!can(o.actor, 'devices.manage', o.scope.resource(device.unitId))) throw invalid('tag', 'devices_error_not_your_unit');
	return device;
}

/**
 * Within a transaction: the organizer's device with this id, locked, for the device page's writes — NOT_FOUND when the
 * organizer has no such device, FORBIDDEN when the actor does not manage devices at its unit. Internal to the domain.
 */
export async function lockManagedDevice(
	tx: Db,
	o: { actor: Actor; organizerId: string; deviceId: string; resource: Awaited<ReturnType<typeof loadDeviceScope>>['resource'] }
) {
	const [device] = await tx
		.select()
		.from(devices)
		.where(and(eq(devices.id, o.deviceId), eq(devices.organizerId, o.organizerId)))
		.for('update');
	if (!device) throw new AppError('NOT_FOUND', 'no such device');
	authorize(o.actor, 'devices.manage', o.resource(device.unitId));
	return device;
}
