// Covers: detectDelimiter, parseCsv.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './parse-csv';
import type { ImportFileError } from './import-file-error';

const failure = (text: string, opts?: Parameters<typeof parseCsv>[1]) => {
	try {
		parseCsv(text, opts);
	} catch (e) {
		return e as ImportFileError;
	}
	throw new Error('expected the text to be refused');
};

describe('detecting the delimiter from the header line', () => {
	it('chooses semicolon for Swedish Excel files', () => {
		expect(detectDelimiter('namn;typ;skolenhetskod\nA,B;skola;1')).toBe(';');
	});

	it('chooses comma when the header has commas and no semicolons', () => {
		expect(detectDelimiter('namn,typ,skolenhetskod\nA;B,skola,1')).toBe(',');
	});

	it('ignores delimiters inside quoted column names', () => {
		expect(detectDelimiter('"a;b;c",namn,typ')).toBe(',');
	});

	it('falls back to semicolon for a single column', () => {
		expect(detectDelimiter('namn\nÅsa')).toBe(';');
	});
});

describe('parsing CSV', () => {
	it('splits a semicolon file into a header and rows with their line numbers', () => {
		const r = parseCsv('namn;typ\nÄlvskolan;skola\nBjörkskolan;skola\n');
		expect(r.delimiter).toBe(';');
		expect(r.header).toEqual({ line: 1, cells: ['namn', 'typ'] });
		expect(r.rows).toEqual([
			{ line: 2, cells: ['Älvskolan', 'skola'] },
			{ line: 3, cells: ['Björkskolan', 'skola'] }
		]);
	});

	it('reads a comma file the same way', () => {
		const r = parseCsv('namn,typ\r\nÄlvskolan,skola\r\n');
		expect(r.delimiter).toBe(',');
		expect(r.rows).toEqual([{ line: 2, cells: ['Älvskolan', 'skola'] }]);
	});

	it('treats CRLF, LF and lone CR as line ends', () => {
		const r = parseCsv('a;b\r\n1;2\n3;4\r5;6');
		expect(r.rows.map((x) => [x.line, ...x.cells])).toEqual([
			[2, '1', '2'],
			[3, '3', '4'],
			[4, '5', '6']
		]);
	});

	it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
		const r = parseCsv('namn;anteckning;x\n"Skola; Norr";"Säger ""hej""";"rad ett\r\nrad två"\nNästa;b;c\n');
		expect(r.rows[0]).toEqual({ line: 2, cells: ['Skola; Norr', 'Säger "hej"', 'rad ett\r\nrad två'] });
		// The next record starts after the quoted line break, so its line number counts it.
		expect(r.rows[1]).toEqual({ line: 4, cells: ['Nästa', 'b', 'c'] });
	});

	it('keeps a comma inside a quoted field of a comma file', () => {
		const r = parseCsv('namn,skolformer\nÄlvskolan,"GR,GRS"\n');
		expect(r.rows[0].cells).toEqual(['Älvskolan', 'GR,GRS']);
	});

	it('keeps a quote in the middle of an unquoted field as a character', () => {
		expect(parseCsv('namn\nSkolan "Ek"').rows[0].cells).toEqual(['Skolan "Ek"']);
	});

	it('reads an empty quoted field as empty and keeps empty cells in place', () => {
		expect(parseCsv('a;b;c\n"";;x').rows[0].cells).toEqual(['', '', 'x']);
	});

	it('skips blank rows, including rows of only delimiters that Excel leaves behind', () => {
		const r = parseCsv('a;b\n\n1;2\n;\n ; \n3;4\n;;\n');
		expect(r.rows.map((x) => x.line)).toEqual([3, 6]);
	});

	it('refuses an unterminated quote and names the line it starts on', () => {
		const e = failure('namn;typ\nA;skola\n"Trasig;skola\nB;skola\n');
		expect(e.fileCode).toBe('unterminated_quote');
		expect(e.params.line).toBe(3);
	});

	it('refuses text with no rows at all', () => {
		expect(failure('\n;;\n').fileCode).toBe('empty');
	});

	it('refuses more data rows than the limit, but accepts exactly the limit', () => {
		const rows = (n: number) => ['namn', ...Array.from({ length: n }, (_, i) => `Skola ${i}`)].join('\n');
		expect(parseCsv(rows(3), { maxRows: 3 }).rows).toHaveLength(3);
		const e = failure(rows(4), { maxRows: 3 });
		expect(e.fileCode).toBe('too_many_rows');
		expect(e.params.max).toBe(3);
	});
});
