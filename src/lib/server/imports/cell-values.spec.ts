// Covers: asSchoolUnitCode, parseIsoDate, parseRole, parseSchoolTypes, parseUnitKind, parseYesNo, mapHeader, readCells.
import { describe, expect, it } from 'vitest';
import { asSchoolUnitCode, parseIsoDate, parseRole, parseSchoolTypes, parseUnitKind, parseYesNo } from './cell-values';
import { mapHeader, readCells } from './columns';
import { UNIT_COLUMNS } from './unit-columns';
import type { ImportFileError } from './import-file-error';

describe('reading cell values', () => {
	it('accepts a unit kind as key or as Swedish or English label, in any case', () => {
		expect(parseUnitKind('skolenhet')).toBe('skolenhet');
		expect(parseUnitKind('FÖRSKOLEENHET')).toBe('forskoleenhet');
		expect(parseUnitKind(' Rektorsområde ')).toBe('rektorsomrade');
		expect(parseUnitKind('Gymnasium')).toBeNull();
	});

	it('accepts a role as key or label, with or without the part in brackets, but never system administrator', () => {
		expect(parseRole('Rektor')).toBe('principal');
		expect(parseRole('principal')).toBe('principal');
		expect(parseRole('teknisk nyckelperson')).toBe('technical_key_person');
		expect(parseRole('Teknisk nyckelperson (1:a linjen)')).toBe('technical_key_person');
		expect(parseRole('system_admin')).toBeNull();
		expect(parseRole('Rektorn')).toBeNull();
	});

	it('splits school types on commas and spaces and reports unknown codes', () => {
		expect(parseSchoolTypes('gr, GRS FKLASS')).toEqual({ codes: ['GR', 'GRS', 'FKLASS'], unknown: [] });
		expect(parseSchoolTypes('GR, Lågstadiet')).toEqual({ codes: ['GR'], unknown: ['LÅGSTADIET'] });
	});

	it('reads ja/nej and refuses anything else', () => {
		expect(parseYesNo('Ja')).toBe(true);
		expect(parseYesNo('nej')).toBe(false);
		expect(parseYesNo('kanske')).toBeUndefined();
	});

	it('reads real ISO dates only', () => {
		expect(parseIsoDate('2026-8-1')).toBe('2026-08-01');
		expect(parseIsoDate('2026-02-30')).toBeNull();
		expect(parseIsoDate('1/8/2026')).toBeNull();
	});

	it('reads an 8-digit skolenhetskod with spaces removed', () => {
		expect(asSchoolUnitCode('1234 5678')).toBe('12345678');
		expect(asSchoolUnitCode('1234567')).toBeNull();
	});
});

describe('matching the header row', () => {
	const header = (cells: string[]) => ({ line: 1, cells });
	const failure = (cells: string[]) => {
		try {
			mapHeader(header(cells), UNIT_COLUMNS);
		} catch (e) {
			return e as ImportFileError;
		}
		throw new Error('expected the header to be refused');
	};

	it('finds columns in any order and case, and ignores empty trailing columns', () => {
		const map = mapHeader(header(['Typ', 'NAMN', 'Överordnad', '', '']), UNIT_COLUMNS);
		expect(map.index).toEqual({ kind: 0, name: 1, parent: 2 });
		const { cells, extra } = readCells({ line: 2, cells: [' skola ', 'Älvskolan', '', '', ''] }, map);
		expect(cells).toEqual({ name: 'Älvskolan', kind: 'skola', parent: '', schoolUnitCode: '', schoolTypes: '' });
		expect(extra).toBe(false);
	});

	it('flags a row with more filled cells than the header has columns', () => {
		const map = mapHeader(header(['namn', 'typ']), UNIT_COLUMNS);
		expect(readCells({ line: 2, cells: ['Skola', ' A', 'skola'] }, map).extra).toBe(true);
	});

	it('names an unknown, a repeated and a missing required column', () => {
		expect(failure(['namn', 'typ', 'rektor'])).toMatchObject({ fileCode: 'unknown_column', params: { column: 'rektor', line: 1 } });
		expect(failure(['namn', 'typ', 'Namn'])).toMatchObject({ fileCode: 'duplicate_column', params: { column: 'Namn' } });
		expect(failure(['namn', 'skolenhetskod'])).toMatchObject({ fileCode: 'missing_column', params: { column: 'typ' } });
	});
});
