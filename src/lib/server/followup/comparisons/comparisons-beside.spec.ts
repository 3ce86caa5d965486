import { describe, expect, it } from 'vitest';
import { comparisonPeriodsBeside, matchComparisons, previousSchoolYear } from './comparisons-beside';
import type { ComparisonValue } from './find-comparison-values';

const value = (over: Partial<ComparisonValue>): ComparisonValue => ({
	source: 'Kolada',
	code: 'N1',
	title: 'Förlorade lektioner',
	measure: 'per_100_students',
	areaKind: 'municipality',
	areaCode: '1234',
	unitId: null,
	unitName: null,
	period: '2025',
	periodKind: 'year',
	value: 5,
	...over
});

describe('comparison values beside own figures', () => {
	it('reads the school year and the one before, since published figures come a year late', () => {
		expect(previousSchoolYear('2025/26')).toBe('2024/25');
		expect(previousSchoolYear('2000/01')).toBe('1999/00');
		expect(comparisonPeriodsBeside(['2025/26'])).toEqual(
			expect.arrayContaining(['2025/26', 'HT2025', 'VT2026', '2026', '2024/25', 'HT2024', 'VT2025', '2025'])
		);
	});

	it('sets the municipality beside the organizer and only a unit’s own skolenhetskod beside that unit', () => {
		const found = {
			'support.lost_lessons_per_100_students': [
				value({}),
				value({ areaKind: 'school_unit', areaCode: '11111111', unitId: 'u1', unitName: 'A' }),
				value({ areaKind: 'school_unit', areaCode: '22222222', unitId: 'u2', unitName: 'B' })
			]
		};
		const own = { 'support.lost_lessons_per_100_students': 4.2 };
		const org = matchComparisons(found, own, null);
		expect(org).toHaveLength(1);
		expect(org[0].own).toBe(4.2);
		expect(org[0].values.map((v) => v.areaCode)).toEqual(['1234']);
		expect(matchComparisons(found, own, 'u2')[0].values.map((v) => v.unitName)).toEqual(['B']);
		expect(matchComparisons(found, own, 'u3')).toEqual([]);
	});

	it('leaves out a value in another unit of measure, an unknown own figure and figures with nothing mapped', () => {
		const found = {
			'support.lost_lessons_per_100_students': [value({ measure: 'count' })],
			'no.such.figure': [value({})]
		};
		expect(
			matchComparisons(found, { 'support.lost_lessons_per_100_students': 1, 'no.such.figure': 2, 'support.sla_met_share': 90 }, null)
		).toEqual([]);
	});

	it('keeps a matching value when our own figure cannot be computed for the scope, with own null', () => {
		const found = { 'devices.per_student': [value({ measure: 'ratio' })] };
		expect(matchComparisons(found, { 'devices.per_student': null }, null)[0]).toMatchObject({ own: null, measure: 'ratio' });
	});
});
