// Covers: csvField, csvLine, csvStream (CSV as Swedish Excel reads it).
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvStream } from './export-formats';
import { exportLabels } from '../exports/export-labels';
import type { ExportRow } from './export-rows';

describe('CSV for Swedish Excel', () => {
	it('writes decimals with a comma and whole numbers as they are', () => {
		expect(csvField(2.5)).toBe('2,5');
		expect(csvField(3.25)).toBe('3,25');
		expect(csvField(7)).toBe('7');
		expect(csvField(null)).toBe('');
	});

	it('separates fields with a semicolon, quotes what needs it and ends lines with CRLF', () => {
		expect(csvLine(['Storskolan', 2.75, 'Vi; de "andra"', null])).toBe('Storskolan;2,75;"Vi; de ""andra""";\r\n');
	});

	it('keeps a text cell from being read as a formula', () => {
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField('-1')).toBe("'-1");
	});

	it('starts with a UTF-8 byte order mark and a header row in the reader’s language', async () => {
		async function* rows(): AsyncGenerator<ExportRow> {
			yield { sheet: 'figures', cells: ['1.1', 'Delmål', 'Åsens skola', 'Elever', 'Ja', 2.5, 6, 0, 1, 7] };
		}
		const bytes = new Uint8Array(await new Response(csvStream(rows(), exportLabels('sv'))).arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder().decode(bytes).split('\r\n');
		expect(lines[0]).toMatch(/^Avsnitt;Delmål;Delmålets namn;Enhet;/);
		expect(lines[1]).toBe('Siffror;1.1;Delmål;Åsens skola;Elever;Ja;2,5;6;0;1;7');
	});
});
