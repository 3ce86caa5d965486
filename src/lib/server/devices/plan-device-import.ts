import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvents, deviceModels, devices, units } from '../db/schema';
import { can, type Actor } from '../policies';
import { readImportFile } from '../imports/read-import-file';
import { DEVICE_COLUMNS } from './device-columns';
import { loadDeviceScope } from './device-scope';
import { getDeviceImport } from './get-device-import';
import { planDeviceRows, type DevicesPlan } from './plan-device-rows';

/** What an applied device import did, as its device.import event records it. */
export type DeviceImportResult = { created: number; updated: number; unchanged: number };

/**
 * The preview of a stored device file (devices.manage): each row's outcome against the register as it is now, or,
 * once the file has been imported, what the import did.
 */
export async function planDeviceImport(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }
): Promise<{ batch: Awaited<ReturnType<typeof getDeviceImport>>; plan: DevicesPlan | null; result: DeviceImportResult | null }> {
	const { actor, organizerId } = opts;
	const batch = await getDeviceImport(db, opts);
	if (batch.status === 'done') {
		const [event] = await db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizerId), eq(auditEvents.entityId, batch.id), eq(auditEvents.action, 'device.import')))
			.orderBy(desc(auditEvents.id))
			.limit(1);
		return { batch, plan: null, result: (event?.changes as DeviceImportResult | undefined) ?? null };
	}
	const file = readImportFile(batch.content, DEVICE_COLUMNS);
	const query = db
		.select({
			id: devices.id,
			assetTag: devices.assetTag,
			serialNumber: devices.serialNumber,
			modelId: devices.modelId,
			unitId: devices.unitId,
			purchaseDate: devices.purchaseDate
		})
		.from(devices)
		.where(eq(devices.organizerId, organizerId));
	const existing = opts.forUpdate ? await query.for('update') : await query;
	const models = await db
		.select({ id: deviceModels.id, maker: deviceModels.maker, model: deviceModels.model })
		.from(deviceModels)
		.where(eq(deviceModels.organizerId, organizerId));
	const active = await db
		.select({ id: units.id, name: units.name, schoolUnitCode: units.schoolUnitCode })
		.from(units)
		.where(and(eq(units.organizerId, organizerId), isNull(units.archivedAt)));
	const { resource } = await loadDeviceScope(db, organizerId);
	const plan = planDeviceRows(file.rows, file.names, {
		devices: existing,
		models,
		units: active,
		mayManage: (unitId) => can(actor, 'devices.manage', resource(unitId))
	});
	return { batch, plan, result: null };
}
