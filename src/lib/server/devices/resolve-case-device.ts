import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { devices } from '../db/schema';
import { invalid } from '../errors';
import { isUuid } from '../ids';
import { can, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';

/**
 * The device a new case is about, from the filing form: a device chosen from the requester's own (`deviceId`) or,
 * for those who manage devices, one typed or scanned by its tag (`deviceTag`). Allowed when the requester holds the
 * device or the filer may manage it at its unit; anything else is refused beside the field it came from, so a
 * person cannot tie a case to someone else's device by editing the form. Null when neither is given.
 */
export async function resolveCaseDevice(
	db: Db,
	opts: { actor: Actor; organizerId: string; requesterId: string; deviceId?: string; deviceTag?: string }
): Promise<string | null> {
	const id = (opts.deviceId ?? '').trim();
	const tag = (opts.deviceTag ?? '').trim();
	if (!id && !tag) return null;
	const field = id ? 'deviceId' : 'deviceTag';
	if (id && !isUuid(id)) throw invalid('deviceId', 'devices_error_case_device');
	const [device] = await db
		.select({ id: devices.id, unitId: devices.unitId, holderId: devices.holderId })
		.from(devices)
		.where(and(eq(devices.organizerId, opts.organizerId), id ? eq(devices.id, id) : eq(devices.assetTag, tag)));
	if (!device) throw invalid(field, id ? 'devices_error_case_device' : 'devices_error_tag_unknown');
	if (device.holderId === opts.requesterId) return device.id;
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	if (can(opts.actor, 'devices.manage', resource(device.unitId))) return device.id;
	throw invalid(field, 'devices_error_case_device');
}
