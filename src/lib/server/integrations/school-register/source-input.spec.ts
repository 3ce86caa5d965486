import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { parseRegisterSource } from './source-input';

const issues = (values: Record<string, unknown>) => {
	try {
		parseRegisterSource(values);
		return [];
	} catch (e) {
		return (e as AppError).issues;
	}
};

describe('the register import form', () => {
	it('takes an organisationsnummer with or without the hyphen and the 16 prefix', () => {
		expect(parseRegisterSource({ source: 'org_number', value: '212000-0126' })).toEqual({ source: 'org_number', value: '2120000126' });
		expect(parseRegisterSource({ source: 'org_number', value: '162120000126' }).value).toBe('2120000126');
	});

	it('puts back the leading zero of a municipality code', () => {
		expect(parseRegisterSource({ source: 'municipality', value: '180' })).toEqual({ source: 'municipality', value: '0180' });
	});

	it('names the field when the value is wrong or missing', () => {
		expect(issues({ source: 'org_number', value: '12345' })).toEqual([{ field: 'value', message: 'register_error_org_number' }]);
		expect(issues({ source: 'municipality', value: 'Solna' })).toEqual([{ field: 'value', message: 'register_error_municipality' }]);
		expect(issues({ source: 'org_number', value: '' })).toEqual([{ field: 'value', message: 'register_error_value' }]);
		expect(issues({ source: 'elsewhere', value: '1' })[0]).toEqual({ field: 'source', message: 'register_error_source' });
	});
});
