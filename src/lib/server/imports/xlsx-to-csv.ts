import ExcelJS from 'exceljs';
import { ImportFileError } from './import-file-error';
import { MAX_IMPORT_ROWS } from './limits';

/** Whether the bytes are a zip file, which an .xlsx workbook is. */
export const looksLikeXlsx = (bytes: Uint8Array) =>
	bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const quote = (cell: string) => (/[;,"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/**
 * The first worksheet of an .xlsx workbook as the CSV text the import reads (`;` between cells), one line per sheet
 * row so the import's line numbers are the spreadsheet's row numbers: empty rows stay as empty lines, and a line
 * break inside a cell becomes a space. Cells are read as Excel shows them. ImportFileError for a file that is not a
 * workbook, or one with too many rows.
 */
export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw new ImportFileError('binary');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet || sheet.actualRowCount === 0) throw new ImportFileError('empty');
	if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw new ImportFileError('too_many_rows', { max: MAX_IMPORT_ROWS });
	const lines: string[] = [];
	sheet.eachRow({ includeEmpty: true }, (row, number) => {
		while (lines.length < number - 1) lines.push('');
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) {
			const text = row.getCell(c).text ?? '';
			cells.push(
				quote(
					String(text)
						.replace(/\r\n|\r|\n/g, ' ')
						.normalize('NFC')
				)
			);
		}
		lines.push(cells.join(';'));
	});
	return lines.join('\n');
}
