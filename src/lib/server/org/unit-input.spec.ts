// Covers: parseUnitInput, unitInputSchema.
import { describe, expect, it } from 'vitest';
import { parseUnitInput, unitInputSchema } from './unit-input';

describe('reading a unit from a form or a CSV row', () => {
	it('cleans up what people type: spaces in the code, a single school type, empty parent', () => {
		const u = parseUnitInput({ name: '  Ekskolan ', kind: 'skolenhet', parentId: '', schoolUnitCode: ' 1234 5678 ', schoolTypes: 'GR' });
		expect(u).toEqual({ name: 'Ekskolan', kind: 'skolenhet', parentId: null, schoolUnitCode: '12345678', schoolTypes: ['GR'] });
	});

	it('accepts the highest code and gives back input that parses again unchanged', () => {
		const u = parseUnitInput({ name: 'Lärkan', kind: 'forskoleenhet', parentId: null, schoolUnitCode: '99999999', schoolTypes: ['FS'] });
		expect(unitInputSchema.parse(u)).toEqual(u);
	});

	it('names the field and the message key for each problem', () => {
		expect(() => parseUnitInput({ name: 'Ekskolan', kind: 'skolenhet', schoolUnitCode: '09999999' })).toThrow(
			expect.objectContaining({ code: 'INVALID', issues: [{ field: 'schoolUnitCode', message: 'units_error_code_range' }] })
		);
		expect(() => parseUnitInput({ name: 'Ekskolan', kind: 'ovrigt', parentId: 'abc' })).toThrow(
			expect.objectContaining({ issues: [{ field: 'parentId', message: 'units_error_parent_not_found' }] })
		);
	});
});
