import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { applyPeopleImport } from './apply-people-import';
import { applyUnitsImport } from './apply-units-import';
import type { ImportResult } from './get-import-batch';
import { planImportBatch } from './plan-import-batch';

/**
 * Imports a stored batch in one transaction: plans it again against the current database,
 * refuses when any row has an error unless `validOnly`, writes the rows through the units and
 * people domain functions, marks the batch done and records one import.apply event.
 * A batch is applied once; any failure rolls back every row.
 */
export async function applyImportBatch(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string; validOnly: boolean }
): Promise<ImportResult> {
	const { actor, organizerId, validOnly } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const { batch, plan } = await planImportBatch(tx, { ...opts, forUpdate: true });
		if (batch.status !== 'pending')
			throw new AppError('CONFLICT', 'import already applied', [{ field: 'form', message: 'imports_error_already_applied' }]);
		if (plan.counts.error > 0 && !validOnly)
			throw new AppError('INVALID', 'import has errors', [{ field: 'form', message: 'imports_error_has_errors' }]);
		if (plan.counts.error === plan.rows.length)
			throw new AppError('INVALID', 'no valid rows', [{ field: 'form', message: 'imports_error_no_valid_rows' }]);
		if (plan.kind === 'units') await applyUnitsImport(tx, { actor, organizerId, plan });
		else await applyPeopleImport(tx, { actor, organizerId, plan });
		await tx.update(importBatches).set({ status: 'done' }).where(eq(importBatches.id, batch.id));
		const result: ImportResult = {
			created: plan.counts.create,
			updated: plan.counts.update,
			unchanged: plan.counts.unchanged,
			skipped: plan.counts.error
		};
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'import.apply',
			entityType: 'import_batch',
			entityId: batch.id,
			changes: { kind: batch.kind, fileName: batch.fileName, validOnly, ...result }
		});
		return result;
	});
}
