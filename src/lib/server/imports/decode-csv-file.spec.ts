// Covers: decodeCsvFile.
import { describe, expect, it } from 'vitest';
import { decodeCsvFile } from './decode-csv-file';
import type { ImportFileError } from './import-file-error';

const utf8 = (s: string) => new TextEncoder().encode(s);
const failure = (bytes: Uint8Array, max?: number) => {
	try {
		decodeCsvFile(bytes, max);
	} catch (e) {
		return e as ImportFileError;
	}
	throw new Error('expected the file to be refused');
};

describe('decoding an uploaded CSV file', () => {
	it('reads plain UTF-8 as UTF-8', () => {
		expect(decodeCsvFile(utf8('namn;e-post\nÅsa Öberg;asa@exempel.se\n'))).toEqual({
			text: 'namn;e-post\nÅsa Öberg;asa@exempel.se\n',
			encoding: 'utf-8'
		});
	});

	it('drops a UTF-8 byte-order mark so the first column name is clean', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('namn;typ\nÄlvskolan;skola')]);
		const { text, encoding } = decodeCsvFile(bytes);
		expect(encoding).toBe('utf-8');
		expect(text.startsWith('namn')).toBe(true);
		expect(text).toContain('Älvskolan');
	});

	it('reads bytes that are not valid UTF-8 as Windows-1252, the way Swedish Excel saves', () => {
		// "namn\r\nÅsa Öberg\r\n" in Windows-1252: Å = C5, Ö = D6.
		const bytes = new Uint8Array([0x6e, 0x61, 0x6d, 0x6e, 0x0d, 0x0a, 0xc5, 0x73, 0x61, 0x20, 0xd6, 0x62, 0x65, 0x72, 0x67, 0x0d, 0x0a]);
		expect(decodeCsvFile(bytes)).toEqual({ text: 'namn\r\nÅsa Öberg\r\n', encoding: 'windows-1252' });
	});

	it('reads Windows-1252 punctuation such as the euro sign and curly quotes', () => {
		const bytes = new Uint8Array([0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xe4]);
		expect(decodeCsvFile(bytes).text).toBe('€ “a” ä');
	});

	it('joins a decomposed Å (A + ring, as macOS writes) into one character', () => {
		expect(decodeCsvFile(utf8('A\u030asa')).text).toBe('Åsa');
	});

	it('refuses an empty file and a file with only a byte-order mark or blank lines', () => {
		expect(failure(new Uint8Array()).fileCode).toBe('empty');
		expect(failure(new Uint8Array([0xef, 0xbb, 0xbf])).fileCode).toBe('empty');
		expect(failure(utf8('\r\n \r\n')).fileCode).toBe('empty');
	});

	it('refuses a binary file such as a zip or an Excel workbook', () => {
		const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
		expect(failure(xlsx).fileCode).toBe('binary');
	});

	it('refuses UTF-16 text and asks for UTF-8 instead', () => {
		expect(failure(new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00])).fileCode).toBe('binary');
	});

	it('refuses a file over the size limit before decoding it', () => {
		const e = failure(new Uint8Array(3 * 1024 * 1024).fill(0x61), 2 * 1024 * 1024);
		expect(e.fileCode).toBe('too_large');
		expect(e.params.max).toBe(2);
		expect(e.issues).toEqual([{ field: 'file', message: 'imports_file_too_large' }]);
	});
});
