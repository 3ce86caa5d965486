// Covers: parseComparisonNumber, parseArea, parseGender, parsePeriod, comparisonPeriodsOfSchoolYear, parseMeasure.
import { describe, expect, it } from 'vitest';
import { parseArea, parseComparisonNumber, parseGender } from './comparison-cells';
import { comparisonPeriodsOfSchoolYear, parsePeriod } from './comparison-periods';
import { parseMeasure } from './comparison-measures';

describe('comparison cells', () => {
	it('reads Swedish and English numbers, and refuses what is not one', () => {
		expect(
			['87,5', '1 234,5', '1\u00a0234,5', '1234.5', '1,234.5', '1.234,5', '\u22123', '12,5 %', '0'].map(parseComparisonNumber)
		).toEqual([87.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, -3, 12.5, 0]);
		expect(['', 'abc', '12,3,4', '1e5', '..'].map(parseComparisonNumber)).toEqual([null, null, null, null, null]);
	});

	it('tells a kommunkod from a skolenhetskod, restoring a dropped leading zero', () => {
		expect(parseArea('0180')).toEqual({ kind: 'municipality', code: '0180' });
		expect(parseArea('180')).toEqual({ kind: 'municipality', code: '0180' });
		expect(parseArea('1234 5678')).toEqual({ kind: 'school_unit', code: '12345678' });
		expect([parseArea('V15E018'), parseArea('12345'), parseArea('')]).toEqual([null, null, null]);
	});

	it('keeps totals, leaves out gender rows and refuses anything else', () => {
		expect(['', 'T', 'Totalt', 'K', 'M', 'Pojkar', 'X'].map(parseGender)).toEqual([
			'total',
			'total',
			'total',
			'part',
			'part',
			'part',
			null
		]);
	});

	it('writes every period one way', () => {
		expect(
			['2024', '2023/24', '2023/2024', '2023-24', 'lå 2023/24', 'HT2024', 'ht 24', 'VT-2025', '1999/00'].map((p) => parsePeriod(p)?.period)
		).toEqual(['2024', '2023/24', '2023/24', '2023/24', '2023/24', 'HT2024', 'HT2024', 'VT2025', '1999/00']);
		expect(parsePeriod('2023/24')).toEqual({ period: '2023/24', kind: 'school_year', startsOn: '2023-07-01' });
		expect(['2023/25', '24', 'höst 2024', '3024'].map(parsePeriod)).toEqual([null, null, null, null]);
		expect(comparisonPeriodsOfSchoolYear('2023/24')).toEqual(['2023/24', 'HT2023', 'VT2024', '2024']);
	});

	it('knows the units of measure by their usual names', () => {
		expect(['Procent', '%', 'kr/elev', 'per 100 elever', 'Antal', 'meter'].map(parseMeasure)).toEqual([
			'percent',
			'percent',
			'sek_per_student',
			'per_100_students',
			'count',
			null
		]);
	});
});
