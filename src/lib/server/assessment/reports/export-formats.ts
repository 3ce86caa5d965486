import ExcelJS from 'exceljs';
import { EXPORT_SHEETS, type ExportRow, type ExportSheet } from './export-rows';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: `;`-separated, quoted when needed, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value);
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The export as a CSV stream in UTF-8 with BOM: each row starts with its section name. */
export function csvStream(rows: AsyncGenerator<ExportRow>): ReadableStream<Uint8Array> {
	const encoder = new TextEncoder();
	let lastSheet: ExportSheet | null = null;
	return new ReadableStream({
		start(controller) {
			controller.enqueue(encoder.encode('\uFEFF'));
		},
		async pull(controller) {
			const next = await rows.next();
			if (next.done) return controller.close();
			const { sheet, cells } = next.value;
			let text = '';
			if (sheet !== lastSheet) {
				text += ['section', ...EXPORT_SHEETS[sheet]].map(csvField).join(';') + '\r\n';
				lastSheet = sheet;
			}
			text += [sheet, ...cells].map(csvField).join(';') + '\r\n';
			controller.enqueue(encoder.encode(text));
		}
	});
}

/** The export as an XLSX workbook: one sheet per section, header row first. */
export async function xlsxBuffer(rows: AsyncGenerator<ExportRow>): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheets = new Map<ExportSheet, ExcelJS.Worksheet>();
	for (const name of Object.keys(EXPORT_SHEETS) as ExportSheet[]) {
		const ws = workbook.addWorksheet(name);
		ws.addRow([...EXPORT_SHEETS[name]]);
		ws.getRow(1).font = { bold: true };
		sheets.set(name, ws);
	}
	for await (const { sheet, cells } of rows) sheets.get(sheet)!.addRow(cells);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
