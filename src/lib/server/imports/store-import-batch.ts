import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { recordAudit } from '../audit/record-audit';

/** An uploaded file's name as it is kept: the last path part, trimmed, at most 200 characters, or `fallback`. */
export const uploadedFileName = (name: string, fallback: string) => (name.split(/[\\/]/).pop() ?? '').trim().slice(0, 200) || fallback;

/**
 * Keeps an uploaded file's text for its preview (every import: people, units, tools, devices, comparison values, review
 * packages) and audits the upload as `action` with `changes`, in one transaction. Returns the batch's id.
 */
export async function storeImportBatch(
	db: Db,
	opts: {
		organizerId: string;
		personId: string;
		kind: string;
		fileName: string;
		content: string;
		/** Listed in the audit-label spec's INDIRECT: a new one is added there too. */
		action: 'import.upload' | 'comparison.import_upload' | 'app_tool.package_upload' | 'app_tool.import_upload' | 'device.import_upload';
		changes: Record<string, unknown>;
	}
): Promise<string> {
	return db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(importBatches)
			.values({ organizerId: opts.organizerId, kind: opts.kind, fileName: opts.fileName, content: opts.content, createdBy: opts.personId })
			.returning({ id: importBatches.id });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.personId,
			action: opts.action,
			entityType: 'import_batch',
			entityId: batch.id,
			changes: opts.changes
		});
		return batch.id;
	});
}
