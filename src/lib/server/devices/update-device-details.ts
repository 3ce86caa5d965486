import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { isUniqueViolation } from '../db/pg-errors';
import { loadDeviceScope } from './device-scope';
import type { DeviceImportValues } from './plan-device-rows';

const FIELDS = ['assetTag', 'serialNumber', 'modelId', 'unitId', 'purchaseDate'] as const;

/**
 * Changes a device's register details (tag, serial number, model, unit, purchase date) — never its status or holder —
 * for someone who manages devices at both the unit it is at and the unit it moves to. Appends an `updated` history
 * row naming the changed fields and audits device.update with before and after, in one transaction. Nothing changed,
 * nothing written.
 */
export async function updateDeviceDetails(
	db: Db,
	opts: { actor: Actor; organizerId: string; deviceId: string; values: DeviceImportValues }
): Promise<{ changed: string[] }> {
	const { actor, organizerId, values } = opts;
	authorize(actor, 'devices.manage', { type: 'organizer', organizerId });
	const { resource } = await loadDeviceScope(db, organizerId);
	try {
		return await db.transaction(async (tx) => {
			const [before] = await tx
				.select()
				.from(devices)
				.where(and(eq(devices.id, opts.deviceId), eq(devices.organizerId, organizerId)))
				.for('update');
			if (!before) throw new AppError('NOT_FOUND', 'no such device');
			authorize(actor, 'devices.manage', resource(before.unitId, before.holderId));
			authorize(actor, 'devices.manage', resource(values.unitId));
			const changed = FIELDS.filter((f) => before[f] !== values[f]);
			if (!changed.length) return { changed };
			await tx
				.update(devices)
				.set({ ...values, updatedAt: new Date() })
				.where(eq(devices.id, before.id));
			await tx.insert(deviceEvents).values({
				organizerId,
				deviceId: before.id,
				kind: 'updated',
				actorId: actor.personId,
				fromStatus: before.status,
				toStatus: before.status,
				note: changed.join(', ')
			});
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'device.update',
				entityType: 'device',
				entityId: before.id,
				changes: Object.fromEntries(changed.map((f) => [f, [before[f], values[f]]]))
			});
			return { changed };
		});
	} catch (e) {
		if (isUniqueViolation(e, 'devices_tag_unique'))
			throw new AppError('CONFLICT', 'tag taken', [{ field: 'assetTag', message: 'devices_error_tag_taken' }]);
		if (isUniqueViolation(e, 'devices_serial_unique'))
			throw new AppError('CONFLICT', 'serial taken', [{ field: 'serialNumber', message: 'devices_error_serial_taken' }]);
		throw e;
	}
}
