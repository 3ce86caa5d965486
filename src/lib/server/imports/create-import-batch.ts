import { storeImportBatch, uploadedFileName } from './store-import-batch';
import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
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
	const fileName = uploadedFileName(opts.fileName, 'import.csv');
	const id = await storeImportBatch(db, {
		organizerId,
		personId: actor.personId,
		kind: kind,
		fileName,
		content: text,
		action: 'import.upload',
		changes: { kind, fileName, encoding, rows: rows.length }
	});
	return { id, rows: rows.length, encoding };
}
