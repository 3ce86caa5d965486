import { storeImportBatch, uploadedFileName } from '../../imports/store-import-batch';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { decodeCsvFile } from '../../imports/decode-csv-file';
import { ImportFileError } from '../../imports/import-file-error';
import { readImportFile } from '../../imports/read-import-file';
import { MAX_IMPORT_BYTES } from '../../imports/limits';
import { looksLikeXlsx, xlsxToCsv } from '../../imports/xlsx-to-csv';
import { COMPARISON_COLUMNS } from './comparison-columns';
import { COMPARISON_IMPORT_KIND } from './get-comparison-import';

/**
 * Stores an uploaded comparison file (CSV with ; or , and decimal commas, or the first sheet of an .xlsx workbook)
 * for its preview (followup.configure). The file must read and have known columns, else an ImportFileError says why
 * (empty, too large, unknown or missing column …) and nothing is stored. Audited as comparison.import_upload.
 */
export async function createComparisonImport(
	db: Db,
	opts: { actor: Actor; organizerId: string; fileName: string; bytes: Uint8Array | null }
) {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	if (!opts.bytes || opts.bytes.length === 0) throw new ImportFileError(opts.bytes ? 'empty' : 'no_file');
	if (opts.bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('too_large', { max: MAX_IMPORT_BYTES / (1024 * 1024) });
	const xlsx = looksLikeXlsx(opts.bytes);
	const text = xlsx ? await xlsxToCsv(opts.bytes) : decodeCsvFile(opts.bytes).text;
	const { rows } = readImportFile(text, COMPARISON_COLUMNS);
	const fileName = uploadedFileName(opts.fileName, xlsx ? 'jamforelsevarden.xlsx' : 'jamforelsevarden.csv');
	const id = await storeImportBatch(db, {
		organizerId,
		personId: actor.personId,
		kind: COMPARISON_IMPORT_KIND,
		fileName,
		content: text,
		action: 'comparison.import_upload',
		changes: { fileName, format: xlsx ? 'xlsx' : 'csv', rows: rows.length }
	});
	return { id, rows: rows.length };
}
