import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { withRowLine } from '../imports/row-failure';
import { authorize, type Actor } from '../policies';
import { planDeviceImport, type DeviceImportResult } from './plan-device-import';
import { registerDevice } from './register-device';
import { updateDeviceDetails } from './update-device-details';

/**
 * Imports a previewed device file (devices.manage) in one transaction: plans it again against the register as it is
 * now, refuses the whole file while any row has a problem (INVALID, nothing written), registers the new devices and
 * updates the changed ones (each audited and in the device's history as an ordinary registration or change) and
 * records one device.import event with the counts. Importing the same file again finds every row unchanged; a stored
 * file is applied once (CONFLICT after that); a row refused while writing rolls back every row (ImportRowError).
 */
export async function applyDeviceImport(db: Db, opts: { actor: Actor; organizerId: string; batchId: string }): Promise<DeviceImportResult> {
	const { actor, organizerId } = opts;
	authorize(actor, 'devices.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const { batch, plan } = await planDeviceImport(tx, { ...opts, forUpdate: true });
		if (batch.status !== 'pending' || !plan)
			throw new AppError('CONFLICT', 'import already applied', [{ field: 'form', message: 'imports_error_already_applied' }]);
		if (plan.counts.error > 0)
			throw new AppError('INVALID', 'import has errors', [{ field: 'form', message: 'devices_import_error_has_errors' }]);
		for (const row of plan.rows) {
			const values = row.values!;
			if (row.outcome === 'create')
				await withRowLine(row.line, () =>
					registerDevice(tx, {
						actor,
						organizerId,
						input: {
							assetTag: values.assetTag,
							serialNumber: values.serialNumber ?? '',
							modelId: values.modelId,
							unitId: values.unitId,
							purchaseDate: values.purchaseDate ?? ''
						}
					})
				);
			if (row.outcome === 'update')
				await withRowLine(row.line, () => updateDeviceDetails(tx, { actor, organizerId, deviceId: row.deviceId!, values }));
		}
		await tx.update(importBatches).set({ status: 'done' }).where(eq(importBatches.id, batch.id));
		const result: DeviceImportResult = { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged };
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'device.import',
			entityType: 'import_batch',
			entityId: batch.id,
			changes: { fileName: batch.fileName, ...result }
		});
		return result;
	});
}
