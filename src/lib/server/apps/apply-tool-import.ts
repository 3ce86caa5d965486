import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { withRowLine } from '../imports/row-failure';
import { authorize, type Actor } from '../policies';
import { planToolImport, type ToolImportResult } from './plan-tool-import';
import { saveTool } from './save-tool';

/**
 * Imports a previewed register file (apps.manage) in one transaction: plans it again against the register as it is
 * now, refuses the whole file while any row has a problem (INVALID, nothing written), writes the new and changed
 * entries through saveTool (each audited as an ordinary create or update) and records one app_tool.import event with
 * the counts. A file is imported once (CONFLICT after that); a row the register refuses at this point rolls back
 * every row (ImportRowError naming the line).
 */
export async function applyToolImport(db: Db, opts: { actor: Actor; organizerId: string; batchId: string }): Promise<ToolImportResult> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	return db.transaction(async (tx) => {
		const { batch, plan } = await planToolImport(tx, { ...opts, forUpdate: true });
		if (batch.status !== 'pending' || !plan)
			throw new AppError('CONFLICT', 'import already applied', [{ field: 'form', message: 'imports_error_already_applied' }]);
		if (plan.counts.error > 0)
			throw new AppError('INVALID', 'import has errors', [{ field: 'form', message: 'apps_import_error_has_errors' }]);
		for (const row of plan.rows) {
			if (row.outcome !== 'create' && row.outcome !== 'update') continue;
			await withRowLine(row.line, () => saveTool(tx, { actor, organizerId, toolId: row.toolId ?? undefined, input: row.input! }));
		}
		await tx.update(importBatches).set({ status: 'done' }).where(eq(importBatches.id, batch.id));
		const result: ToolImportResult = { created: plan.counts.create, updated: plan.counts.update, unchanged: plan.counts.unchanged };
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_tool.import',
			entityType: 'import_batch',
			entityId: batch.id,
			changes: { fileName: batch.fileName, ...result }
		});
		return result;
	});
}
