import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceModels, devices } from '../db/schema';
import { can, type Actor } from '../policies';
import { loadDeviceScope } from './device-scope';

/**
 * The device a case is about, as the case page shows it to someone who may see the case: its tag and model, and its
 * id only when the viewer may also open the device (devices.read), so the page links to it only then.
 */
export async function describeCaseDevice(db: Db, opts: { actor: Actor | null; organizerId: string; deviceId: string | null }) {
	if (!opts.deviceId) return null;
	const [row] = await db
		.select({
			id: devices.id,
			assetTag: devices.assetTag,
			unitId: devices.unitId,
			holderId: devices.holderId,
			maker: deviceModels.maker,
			model: deviceModels.model
		})
		.from(devices)
		.innerJoin(deviceModels, eq(deviceModels.id, devices.modelId))
		.where(and(eq(devices.id, opts.deviceId), eq(devices.organizerId, opts.organizerId)));
	if (!row) return null;
	const { resource } = await loadDeviceScope(db, opts.organizerId);
	const opens = can(opts.actor, 'devices.read', resource(row.unitId, row.holderId));
	return { id: opens ? row.id : null, label: `${row.assetTag} – ${row.maker} ${row.model}` };
}
