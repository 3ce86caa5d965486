import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { comparisonKeyFigures, comparisonValues, importBatches } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { planComparisonImport, type ComparisonImportResult } from './plan-comparison-import';

/**
 * Imports a previewed comparison file (followup.configure) in one transaction: plans it again against what is stored
 * now, refuses the whole file while any row has a problem (INVALID, nothing written), adds the new key figures,
 * renames those whose title the file changes, writes the values (a value already there for the key figure, area and
 * period is replaced) and records one comparison.import event with the counts. A stored file is applied once
 * (CONFLICT after that).
 */
export async function applyComparisonImport(
	db: Db,
	opts: { actor: Actor; organizerId: string; batchId: string }
): Promise<ComparisonImportResult> {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const { batch, plan } = await planComparisonImport(tx, { ...opts, forUpdate: true });
		if (batch.status !== 'pending' || !plan)
			throw new AppError('CONFLICT', 'import already applied', [{ field: 'form', message: 'imports_error_already_applied' }]);
		if (plan.counts.error > 0)
			throw new AppError('INVALID', 'import has errors', [{ field: 'form', message: 'cmp_import_error_has_errors' }]);
		const ids = new Map<string, string>();
		for (const f of plan.figures) {
			if (f.id) {
				ids.set(f.ref, f.id);
				if (f.titleChanged)
					await tx
						.update(comparisonKeyFigures)
						.set({ title: f.title, updatedAt: new Date() })
						.where(and(eq(comparisonKeyFigures.id, f.id), eq(comparisonKeyFigures.organizerId, organizerId)));
				continue;
			}
			const [row] = await tx
				.insert(comparisonKeyFigures)
				.values({ organizerId, source: f.source, code: f.code, title: f.title, measure: f.measure })
				.returning({ id: comparisonKeyFigures.id });
			ids.set(f.ref, row.id);
		}
		const writes = plan.rows.filter((r) => r.outcome === 'create' || r.outcome === 'update').map((r) => r.write!);
		// In slices: one statement per few hundred values keeps a 5 000-row file to a handful of round trips.
		for (let i = 0; i < writes.length; i += 500) {
			await tx
				.insert(comparisonValues)
				.values(
					writes.slice(i, i + 500).map((w) => ({
						organizerId,
						keyFigureId: ids.get(w.figureRef)!,
						areaKind: w.area.kind,
						areaCode: w.area.code,
						unitId: w.unitId,
						period: w.period.period,
						periodKind: w.period.kind,
						periodStartsOn: w.period.startsOn,
						value: w.value,
						importBatchId: batch.id
					}))
				)
				.onConflictDoUpdate({
					target: [comparisonValues.keyFigureId, comparisonValues.areaCode, comparisonValues.period],
					set: { value: sql`excluded.value`, importBatchId: sql`excluded.import_batch_id`, updatedAt: sql`now()` }
				});
		}
		await tx.update(importBatches).set({ status: 'done' }).where(eq(importBatches.id, batch.id));
		const result: ComparisonImportResult = {
			created: plan.counts.create,
			updated: plan.counts.update,
			unchanged: plan.counts.unchanged,
			skipped: plan.counts.skip,
			keyFigures: plan.figures.filter((f) => !f.id).length
		};
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'comparison.import',
			entityType: 'import_batch',
			entityId: batch.id,
			changes: { fileName: batch.fileName, ...result }
		});
		return result;
	});
}
