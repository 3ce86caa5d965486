import { storeImportBatch, uploadedFileName } from '../imports/store-import-batch';
import type { Db } from '../db';
import { authorize, type Actor } from '../policies';
import { decodeCsvFile } from '../imports/decode-csv-file';
import { ImportFileError } from '../imports/import-file-error';
import { readImportFile } from '../imports/read-import-file';
import { MAX_IMPORT_BYTES } from '../imports/limits';
import { looksLikeXlsx, xlsxToCsv } from '../imports/xlsx-to-csv';
import { TOOL_COLUMNS } from './tool-columns';

/** The import_batches kind of a register file (the people and units imports have their own). */
export const TOOL_IMPORT_KIND = 'tools';

/**
 * Stores an uploaded register file (CSV, or the first sheet of an .xlsx workbook) for its preview, for a manager of
 * the register (apps.manage). The file must read and have known columns; otherwise an ImportFileError says why
 * (unknown column, no name column, empty…) and nothing is stored. Audited as app_tool.import_upload.
 */
export async function createToolImport(db: Db, opts: { actor: Actor; organizerId: string; fileName: string; bytes: Uint8Array | null }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	if (!opts.bytes || opts.bytes.length === 0) throw new ImportFileError(opts.bytes ? 'empty' : 'no_file');
	if (opts.bytes.length > MAX_IMPORT_BYTES) throw new ImportFileError('too_large', { max: MAX_IMPORT_BYTES / (1024 * 1024) });
	const xlsx = looksLikeXlsx(opts.bytes);
	const text = xlsx ? await xlsxToCsv(opts.bytes) : decodeCsvFile(opts.bytes).text;
	const { rows } = readImportFile(text, TOOL_COLUMNS);
	const fileName = uploadedFileName(opts.fileName, xlsx ? 'register.xlsx' : 'register.csv');
	const id = await storeImportBatch(db, {
		organizerId,
		personId: actor.personId,
		kind: TOOL_IMPORT_KIND,
		fileName,
		content: text,
		action: 'app_tool.import_upload',
		changes: { fileName, format: xlsx ? 'xlsx' : 'csv', rows: rows.length }
	});
	return { id, rows: rows.length };
}
