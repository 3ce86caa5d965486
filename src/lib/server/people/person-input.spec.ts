// Covers: personInputSchema, roleAssignmentInputSchema, decodeCursor, encodeCursor.
import { describe, expect, it } from 'vitest';
import { personInputSchema } from './person-input';
import { roleAssignmentInputSchema } from './role-assignment-input';
import { decodeCursor, encodeCursor } from './cursor';

describe('person input', () => {
	it('reads a checkbox as a boolean and an empty eppn as none', () => {
		const p = personInputSchema.parse({ name: 'Ada', email: ' ADA@Exempel.se ', eppn: ' ', protectedIdentity: 'on' });
		expect(p).toEqual({ name: 'Ada', email: 'ada@exempel.se', eppn: null, protectedIdentity: true });
		expect(personInputSchema.parse({ name: 'Ada', email: 'ada@exempel.se' }).protectedIdentity).toBe(false);
	});

	it('names a message key for a missing field instead of a technical message', () => {
		const r = personInputSchema.safeParse({});
		expect(r.success).toBe(false);
		expect(r.error?.issues.map((i) => i.message)).toEqual(['people_error_name_required', 'people_error_email']);
	});
});

describe('role assignment input', () => {
	it('turns empty unit and dates into none', () => {
		expect(roleAssignmentInputSchema.parse({ role: 'staff', unitId: '', startsOn: '', endsOn: '' })).toEqual({
			role: 'staff',
			unitId: null,
			startsOn: null,
			endsOn: null
		});
	});

	it('allows a one-day period but not an end before the start', () => {
		expect(roleAssignmentInputSchema.safeParse({ role: 'staff', startsOn: '2026-01-01', endsOn: '2026-01-01' }).success).toBe(true);
		const r = roleAssignmentInputSchema.safeParse({ role: 'staff', startsOn: '2026-01-02', endsOn: '2026-01-01' });
		expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['endsOn'], message: 'people_error_end_before_start' })]);
	});
});

describe('page cursors', () => {
	it('round-trip and reject anything tampered', () => {
		const c = { nameSort: '{sa ek', id: '0b7c6a3e-8f1d-4c2a-9b7e-1d2c3b4a5f60' };
		expect(decodeCursor(encodeCursor(c))).toEqual(c);
		expect(decodeCursor('%%%')).toBeNull();
		expect(decodeCursor(Buffer.from('["a","not-a-uuid"]').toString('base64url'))).toBeNull();
		expect(decodeCursor(null)).toBeNull();
	});
});
