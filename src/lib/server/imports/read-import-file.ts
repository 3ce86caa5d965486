import { mapHeader, readCells, type ColumnSpec, type RowCells } from './columns';
import { ImportFileError } from './import-file-error';
import { parseCsv } from './parse-csv';

/** A data row of an import file: its line, its cells by field, and whether it ran past the header. */
export type ImportRow<K extends string> = { line: number; cells: RowCells<K>; extra: boolean };

/**
 * Parses stored import text against a kind's columns. Throws ImportFileError when the
 * file cannot be read at all (bad quotes, bad header, no data rows, too many rows).
 */
export function readImportFile<K extends string>(text: string, columns: readonly ColumnSpec<K>[]) {
	const csv = parseCsv(text);
	const map = mapHeader(csv.header, columns);
	if (csv.rows.length === 0) throw new ImportFileError('no_rows');
	const rows: ImportRow<K>[] = csv.rows.map((r) => ({ line: r.line, ...readCells(r, map) }));
	return { names: map.names, present: new Set(Object.keys(map.index) as K[]), rows };
}
