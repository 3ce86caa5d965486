import type { Db } from '../db';
import { deviceModels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { conflict, parseOrThrow } from '../errors';
import { authorize, type Actor } from '../policies';
import { isUniqueViolation } from '../db/pg-errors';
import { modelSchema, type FormInput, type ModelInput } from './device-input';

export type DeviceModelRow = typeof deviceModels.$inferSelect;

/** Adds a device model (devices.models: administrators and central technical support). The same maker and model twice is refused beside the model. Audited. */
export async function createDeviceModel(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: FormInput<ModelInput> }
): Promise<DeviceModelRow> {
	authorize(opts.actor, 'devices.models', { type: 'organizer', organizerId: opts.organizerId });
	const actor = opts.actor;
	const input = parseOrThrow(modelSchema, opts.input);
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(deviceModels)
				.values({ organizerId: opts.organizerId, ...input, expectedLifeMonths: input.expectedLifeMonths! })
				.returning();
			await recordAudit(tx, {
				organizerId: opts.organizerId,
				actorId: actor.personId,
				action: 'device_model.create',
				entityType: 'device_model',
				entityId: row.id,
				changes: {
					maker: [null, row.maker],
					model: [null, row.model],
					type: [null, row.type],
					purchasePrice: [null, row.purchasePrice],
					leasePerMonth: [null, row.leasePerMonth],
					expectedLifeMonths: [null, row.expectedLifeMonths],
					warrantyMonths: [null, row.warrantyMonths]
				}
			});
			return row;
		});
	} catch (e) {
		if (isUniqueViolation(e, 'device_models_name_unique')) throw conflict('model', 'devices_error_model_taken');
		throw e;
	}
}
