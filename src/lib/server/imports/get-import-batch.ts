import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvents, importBatches } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { AppError } from '../errors';
import { isImportKind } from './limits';
import { isUuid } from '../ids';

/** What an applied import did, as recorded in its import.apply audit event. */
export type ImportResult = { created: number; updated: number; unchanged: number; skipped: number };

/**
 * One import batch of the organizer, with the result once it has been applied.
 * A batch of another organizer, or an id that is not one, is NOT_FOUND.
 */
export async function getImportBatch(db: Db, opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }) {
	const { actor, organizerId, batchId } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	if (!isUuid(batchId)) throw new AppError('NOT_FOUND', 'import batch');
	const query = db
		.select()
		.from(importBatches)
		.where(and(eq(importBatches.id, batchId), eq(importBatches.organizerId, organizerId)));
	const [batch] = opts.forUpdate ? await query.for('update') : await query;
	if (!batch || !isImportKind(batch.kind)) throw new AppError('NOT_FOUND', 'import batch');
	let result: ImportResult | null = null;
	if (batch.status === 'done') {
		const [event] = await db
			.select({ changes: auditEvents.changes })
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.organizerId, organizerId),
					eq(auditEvents.entityType, 'import_batch'),
					eq(auditEvents.entityId, batch.id),
					eq(auditEvents.action, 'import.apply')
				)
			)
			.orderBy(desc(auditEvents.id))
			.limit(1);
		result = (event?.changes as ImportResult | undefined) ?? null;
	}
	return { ...batch, kind: batch.kind, result };
}
