import { ImportFileError } from './import-file-error';
import { MAX_IMPORT_ROWS } from './limits';

/** One record of the file: the 1-based line it starts on and its cells. */
export type CsvRow = { line: number; cells: string[] };

export type ParsedCsv = { delimiter: ';' | ','; header: CsvRow; rows: CsvRow[] };

/**
 * Picks `;` or `,` from the header line (outside quotes): whichever occurs more, `;` on a tie,
 * since Swedish Excel writes `;`.
 */
export function detectDelimiter(text: string): ';' | ',' {
	let semi = 0;
	let comma = 0;
	let quoted = false;
	for (const ch of text) {
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch === ';') semi++;
		else if (!quoted && ch === ',') comma++;
	}
	return comma > semi ? ',' : ';';
}

/**
 * Reads CSV the way RFC 4180 describes it, leniently where spreadsheets are: CRLF, LF or CR line
 * ends; fields in double quotes may hold the delimiter, line breaks and doubled quotes; a quote
 * inside an unquoted field is kept as a character. Rows whose cells are all blank are skipped.
 * Throws ImportFileError for an unterminated quote, a file with no header, or more than maxRows rows.
 */
export function parseCsv(text: string, opts: { delimiter?: ';' | ','; maxRows?: number } = {}): ParsedCsv {
	const delimiter = opts.delimiter ?? detectDelimiter(text);
	const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
	const records: CsvRow[] = [];
	let cells: string[] = [];
	let cell = '';
	let line = 1;
	let recordLine = 1;
	let quoteLine = 0;
	let inQuotes = false;
	let atCellStart = true;

	const endCell = () => {
		cells.push(cell);
		cell = '';
		atCellStart = true;
	};
	const endRecord = () => {
		endCell();
		if (cells.some((c) => c.trim() !== '')) {
			records.push({ line: recordLine, cells });
			// Header + maxRows data rows; one more means the file is too long.
			if (records.length > maxRows + 1) throw new ImportFileError('too_many_rows', { max: maxRows });
		}
		cells = [];
	};

	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else inQuotes = false;
			} else {
				if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
				cell += ch;
			}
			continue;
		}
		if (ch === '"' && atCellStart) {
			inQuotes = true;
			quoteLine = line;
			atCellStart = false;
		} else if (ch === delimiter) {
			endCell();
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRecord();
			line++;
			recordLine = line;
		} else {
			cell += ch;
			atCellStart = false;
		}
	}
	if (inQuotes) throw new ImportFileError('unterminated_quote', { line: quoteLine });
	endRecord();

	const [header, ...rows] = records;
	if (!header) throw new ImportFileError('empty');
	return { delimiter, header, rows };
}
