import { describe, expect, it } from 'vitest';
import { isForeignKeyViolation, isUniqueViolation, pgErrorOf } from './pg-errors';

const wrapped = (driver: object) =>
	Object.assign(new Error('Failed query: insert …'), { cause: Object.assign(new Error('driver'), driver) });

describe('PostgreSQL errors behind a failed query', () => {
	it('finds the code and constraint under the wrapper drizzle puts around the driver error', () => {
		expect(pgErrorOf(wrapped({ code: '23505', constraint: 'devices_tag_unique' }))).toEqual({
			code: '23505',
			constraint: 'devices_tag_unique'
		});
		expect(pgErrorOf(new Error('plain'))).toEqual({});
		expect(pgErrorOf(null)).toEqual({});
	});

	it('tells a unique violation of the named constraint from one of another constraint', () => {
		const e = wrapped({ code: '23505', constraint: 'people_email_unique' });
		expect(isUniqueViolation(e)).toBe(true);
		expect(isUniqueViolation(e, 'people_email_unique')).toBe(true);
		expect(isUniqueViolation(e, 'people_eppn_unique')).toBe(false);
	});

	it('looks for the constraint in the message when the driver leaves the field out', () => {
		const e = wrapped({ code: '23505', message: 'duplicate key value violates unique constraint "app_tools_name_idx"' });
		expect(isUniqueViolation(e, 'app_tools_name_idx')).toBe(true);
		expect(isUniqueViolation(e, 'devices_tag_unique')).toBe(false);
	});

	it('does not take a Node error code or another SQLSTATE for a unique violation', () => {
		expect(isUniqueViolation(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe(false);
		expect(isUniqueViolation(wrapped({ code: '23503' }))).toBe(false);
		expect(isForeignKeyViolation(wrapped({ code: '23503' }))).toBe(true);
		expect(isForeignKeyViolation(wrapped({ code: '23505' }))).toBe(false);
	});
});
