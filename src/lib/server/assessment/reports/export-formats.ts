import ExcelJS from 'exceljs';
import { EXPORT_SHEETS, type ExportRow, type ExportSheet } from './export-rows';
import type { ExportLabels } from '../exports/export-labels';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field as Swedish Excel reads it: `;`-separated, quoted when needed, numbers with a
 * decimal comma, and text never read as a formula by a spreadsheet.
 */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	if (typeof value === 'number') return String(value).replace('.', ',');
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[;"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line ending in CRLF. */
export const csvLine = (cells: (string | number | null)[]) => cells.map(csvField).join(';') + '\r\n';

/**
 * The export as a CSV stream for Swedish Excel: UTF-8 with BOM, `;` between fields, decimal comma,
 * CRLF. Each row starts with its section name; each section starts with its column names.
 */
export function csvStream(rows: AsyncGenerator<ExportRow>, labels: ExportLabels): ReadableStream<Uint8Array> {
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
				text += csvLine([labels.column('section'), ...EXPORT_SHEETS[sheet].map((c) => labels.column(c.key))]);
				lastSheet = sheet;
			}
			text += csvLine([labels.sheet(sheet), ...cells]);
			controller.enqueue(encoder.encode(text));
		}
	});
}

/** Excel number formats by column kind: decimals show one or two places, whole numbers none. */
const NUMBER_FORMAT = { decimal: '0.0#', integer: '0', text: '@' } as const;

/**
 * The export as an XLSX workbook: one sheet per section with the header row frozen, widths set,
 * numbers as numeric cells (Excel shows them with the reader's own decimal sign) and text as text.
 */
export async function xlsxBuffer(rows: AsyncGenerator<ExportRow>, labels: ExportLabels): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheets = new Map<ExportSheet, ExcelJS.Worksheet>();
	for (const name of Object.keys(EXPORT_SHEETS) as ExportSheet[]) {
		const columns = EXPORT_SHEETS[name];
		const ws = workbook.addWorksheet(labels.sheet(name), { views: [{ state: 'frozen', ySplit: 1 }] });
		ws.columns = columns.map((c) => ({ width: c.width, style: c.kind === 'text' ? {} : { numFmt: NUMBER_FORMAT[c.kind] } }));
		ws.addRow(columns.map((c) => labels.column(c.key))).font = { bold: true };
		sheets.set(name, ws);
	}
	for await (const { sheet, cells } of rows) sheets.get(sheet)!.addRow(cells);
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
