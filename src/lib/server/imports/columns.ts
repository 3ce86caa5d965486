import { ImportFileError } from './import-file-error';
import type { CsvRow } from './parse-csv';

/** One accepted column: the name in our templates, other names we also accept, and whether it must be there. */
export type ColumnSpec<K extends string = string> = {
	key: K;
	header: string;
	aliases: string[];
	required: boolean;
};

/** Which column of the file holds which field, and the column names as the file writes them. */
export type ColumnMap<K extends string> = {
	index: Partial<Record<K, number>>;
	names: Record<K, string>;
	width: number;
};

/** The row's cells by field, trimmed; '' when the column is missing or the cell is empty. */
export type RowCells<K extends string> = Record<K, string>;

/** Lower case, single spaces, no quotes: how column names and labels are compared. */
export const normalizeName = (s: string) => s.trim().toLocaleLowerCase('sv-SE').replace(/\s+/g, ' ');

/**
 * Matches the header row against the accepted columns. Throws ImportFileError for an
 * unknown, repeated or missing required column, naming the column.
 */
export function mapHeader<K extends string>(header: CsvRow, columns: readonly ColumnSpec<K>[]): ColumnMap<K> {
	const index: Partial<Record<K, number>> = {};
	const names = Object.fromEntries(columns.map((c) => [c.key, c.header])) as Record<K, string>;
	header.cells.forEach((raw, i) => {
		const name = normalizeName(raw);
		if (name === '') return; // Trailing empty columns from a spreadsheet.
		const col = columns.find((c) => c.header === name || c.aliases.includes(name));
		if (!col) throw new ImportFileError('unknown_column', { line: header.line, column: raw.trim() });
		if (index[col.key] !== undefined) throw new ImportFileError('duplicate_column', { line: header.line, column: raw.trim() });
		index[col.key] = i;
		names[col.key] = raw.trim();
	});
	const missing = columns.find((c) => c.required && index[c.key] === undefined);
	if (missing) throw new ImportFileError('missing_column', { line: header.line, column: missing.header });
	return { index, names, width: header.cells.length };
}

/** The cells of one row by field. `extra` is true when the row has text beyond the header's columns. */
export function readCells<K extends string>(row: CsvRow, map: ColumnMap<K>): { cells: RowCells<K>; extra: boolean } {
	const cells = {} as RowCells<K>;
	for (const key of Object.keys(map.names) as K[]) {
		const i = map.index[key];
		cells[key] = i === undefined ? '' : (row.cells[i] ?? '').trim();
	}
	const extra = row.cells.slice(map.width).some((c) => c.trim() !== '');
	return { cells, extra };
}
