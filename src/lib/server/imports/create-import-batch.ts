import type { Db } from '../db';
import { importBatches } from '../db/schema';
import { authorize, type Actor } from '../policies';
import { recordAudit } from '../audit/record-audit';
import { decodeCsvFile } from './decode-csv-file';
import { ImportFileError } from './import-file-error';
import { readImportFile } from './read-import-file';
import { PERSON_COLUMNS } from './person-columns';
import { UNIT_COLUMNS } from './unit-columns';
import type { ImportKind } from './limits';

/**
 * Stores an uploaded file for preview: decodes it, checks that it parses and has the right
 * columns, and keeps the text. A file that cannot be read throws ImportFileError and stores nothing.
 */
export async function createImportBatch(
	db: Db,
	opts: { actor: Actor; organizerId: string; kind: ImportKind; fileName: string; bytes: Uint8Array | null }
) {
	const { actor, organizerId, kind } = opts;
	authorize(actor, 'import.run', { type: 'organizer', organizerId });
	if (!opts.bytes) throw new ImportFileError('no_file');
	const { text, encoding } = decodeCsvFile(opts.bytes);
	const { rows } = readImportFile(text, kind === 'units' ? UNIT_COLUMNS : PERSON_COLUMNS);
	const fileName = (opts.fileName.split(/[\\/]/).pop() ?? '').trim().slice(0, 200) || 'import.csv';
	return db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(importBatches)
			.values({ organizerId, kind, fileName, content: text, createdBy: actor.personId })
			.returning({ id: importBatches.id });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'import.upload',
			entityType: 'import_batch',
			entityId: batch.id,
			changes: { kind, fileName, encoding, rows: rows.length }
		});
		return { id: batch.id, rows: rows.length, encoding };
	});
}
