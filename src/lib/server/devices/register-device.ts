import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { deviceEvents, deviceModels, devices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, invalid, parseOrThrow } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { deviceSchema, type DeviceInput, type FormInput } from './device-input';
import { loadDeviceScope } from './device-scope';
import { isUniqueViolation } from '../db/pg-errors';

export type DeviceRow = typeof devices.$inferSelect;

/**
 * Registers one device in stock at a unit (devices.manage at that unit: its technical key person, or administrators
 * and central technical support). A tag or serial number the organizer already has is refused beside its field.
 * Writes the device, its first history row and the audit event in one transaction.
 */
export async function registerDevice(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<DeviceInput> }
): Promise<DeviceRow> {
	authorize(opts.actor, 'devices.manage', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(deviceSchema, opts.input);
	const { byId, resource } = await loadDeviceScope(db, opts.organizerId);
	const unit = isUuid(input.unitId) ? byId.get(input.unitId) : undefined;
	if (!unit || unit.archivedAt) throw invalid('unitId', 'devices_error_unit');
	authorize(actor, 'devices.manage', resource(unit.id));
	const [model] = isUuid(input.modelId)
		? await db
				.select({ id: deviceModels.id })
				.from(deviceModels)
				.where(and(eq(deviceModels.id, input.modelId), eq(deviceModels.organizerId, opts.organizerId)))
		: [];
	if (!model) throw invalid('modelId', 'devices_error_model_choose');
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(devices)
				.values({
					organizerId: opts.organizerId,
					modelId: model.id,
					unitId: unit.id,
					assetTag: input.assetTag,
					serialNumber: input.serialNumber,
					purchaseDate: input.purchaseDate,
					status: 'in_stock'
				})
				.returning();
			await tx.insert(deviceEvents).values({
				organizerId: opts.organizerId,
				deviceId: row.id,
				kind: 'registered',
				actorId: actor.personId,
				toStatus: 'in_stock'
			});
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: actor.personId,
				action: 'device.register',
				entityType: 'device',
				entityId: row.id,
				changes: {
					assetTag: [null, row.assetTag],
					serialNumber: [null, row.serialNumber],
					modelId: [null, row.modelId],
					unitId: [null, row.unitId],
					purchaseDate: [null, row.purchaseDate]
				}
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e, 'devices_tag_unique'))
			throw new AppError('CONFLICT', 'tag taken', [{ field: 'assetTag', message: 'devices_error_tag_taken' }]);
		if (isUniqueViolation(e, 'devices_serial_unique'))
			throw new AppError('CONFLICT', 'serial taken', [{ field: 'serialNumber', message: 'devices_error_serial_taken' }]);
		throw e;
	}
}
