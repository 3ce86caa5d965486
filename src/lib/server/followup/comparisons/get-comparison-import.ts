import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { importBatches } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';

/** The import_batches kind of a comparison file. */
export const COMPARISON_IMPORT_KIND = 'comparisons';

/**
 * A stored comparison file of the organizer (followup.configure), locked for update when asked. NOT_FOUND for a
 * malformed id, another organizer's batch, or a batch of another import.
 */
export async function getComparisonImport(db: Db, opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }) {
	const { actor, organizerId, batchId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	if (!isUuid(batchId)) throw new AppError('NOT_FOUND', 'no such import');
	const query = db
		.select()
		.from(importBatches)
		.where(and(eq(importBatches.id, batchId), eq(importBatches.organizerId, organizerId), eq(importBatches.kind, COMPARISON_IMPORT_KIND)));
	const [batch] = opts.forUpdate ? await query.for('update') : await query;
	if (!batch) throw new AppError('NOT_FOUND', 'no such import');
	return batch;
}
