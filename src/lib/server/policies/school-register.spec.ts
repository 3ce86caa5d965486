// Covers: can (school_register.manage).
import { describe, expect, it } from 'vitest';
import { can, type Actor } from './index';

const org = 'org-1';
const actor = (role: Actor['assignments'][number]['role'], unitId: string | null = null, organizerId: string | null = org): Actor => ({
	personId: role,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});
const register = { type: 'organizer' as const, organizerId: org };

describe("Skolverket's school-unit register", () => {
	it("is managed by the organizer's own organization administrators only", () => {
		expect(can(actor('org_admin'), 'school_register.manage', register)).toBe(true);
		for (const a of [
			actor('leadership'),
			actor('central_technical_support'),
			actor('principal', 'skola'),
			actor('staff', 'skola'),
			actor('reader'),
			actor('org_admin', null, 'org-2'),
			actor('system_admin', null, null)
		])
			expect(can(a, 'school_register.manage', register), a.assignments[0].role).toBe(false);
		expect(can(null, 'school_register.manage', register)).toBe(false);
	});
});
