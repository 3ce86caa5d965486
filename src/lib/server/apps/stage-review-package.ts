import { and, eq } from 'drizzle-orm';
import { storeImportBatch, uploadedFileName } from '../imports/store-import-batch';
import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { AppError, invalid } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';
import { readReviewPackage } from './read-review-package';
import { MAX_PACKAGE_BYTES } from './review-package';

/** The import_batches kind of an uploaded review package, waiting for its confirmation (decision 065). */
export const PACKAGE_IMPORT_KIND = 'review_package';

/**
 * Keeps an uploaded review package server-side for its preview and confirmation (apps.manage, decision 065): the file
 * is checked first (readReviewPackage: format, signature, content, an included agreement file's hash) and stored only
 * when it passes, so a package carrying a PDF never has to travel back in a form field. INVALID beside `file` for a
 * missing, too large, non-UTF-8 or refused file, nothing stored. Audited as app_tool.package_upload.
 */
export async function stageReviewPackage(
	db: Db,
	opts: { actor: Actor; organizerId: string; fileName: string; bytes: Uint8Array | null }
): Promise<{ id: string }> {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	if (!opts.bytes || opts.bytes.length === 0) throw invalid('file', 'imports_file_no_file');
	if (opts.bytes.length > MAX_PACKAGE_BYTES) throw invalid('file', 'apps_package_error_too_large');
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(opts.bytes);
	} catch {
		throw invalid('file', 'apps_package_error_format');
	}
	const pkg = readReviewPackage(text);
	const fileName = uploadedFileName(opts.fileName, 'granskning.json');
	const id = await storeImportBatch(db, {
		organizerId,
		personId: actor.personId,
		kind: PACKAGE_IMPORT_KIND,
		fileName,
		content: text,
		action: 'app_tool.package_upload',
		changes: { fileName, tool: pkg.body.tool.name, keyId: pkg.keyId, file: pkg.agreementFile?.sha256 ?? null }
	});
	return { id };
}

/**
 * A staged review package of the organizer that still waits for its confirmation (apps.manage), locked for update
 * when asked. NOT_FOUND for a malformed id, another organizer's batch, a batch of another import, or one already
 * imported.
 */
export async function getStagedPackage(db: Db, opts: { actor: Actor; organizerId: string; batchId: string; forUpdate?: boolean }) {
	const { actor, organizerId, batchId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	if (!isUuid(batchId)) throw new AppError('NOT_FOUND', 'no such package');
	const query = db
		.select()
		.from(importBatches)
		.where(
			and(
				eq(importBatches.id, batchId),
				eq(importBatches.organizerId, organizerId),
				eq(importBatches.kind, PACKAGE_IMPORT_KIND),
				eq(importBatches.status, 'pending')
			)
		);
	const [batch] = opts.forUpdate ? await query.for('update') : await query;
	if (!batch) throw new AppError('NOT_FOUND', 'no such package');
	return batch;
}
