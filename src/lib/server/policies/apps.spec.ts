// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type AppsResource } from './index';

const org = 'org-1';
const base: AppsResource = { type: 'apps', organizerId: org };
const actor = (role: Actor['assignments'][number]['role'], unitId: string | null = null, organizerId = org): Actor => ({
	personId: role,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});

describe('who reads and keeps the register of digital tools', () => {
	it('lets every member of staff search the whitelist, and keeps students, guardians, suppliers and other organizers out', () => {
		for (const a of [actor('staff', 'u'), actor('principal', 'u'), actor('technical_key_person', 'u'), actor('reader')])
			expect(can(a, 'apps.whitelist', base)).toBe(true);
		for (const a of [actor('student', 'u'), actor('guardian', 'u'), actor('supplier'), actor('staff', 'u', 'org-2')])
			expect(can(a, 'apps.whitelist', base)).toBe(false);
	});

	it('shows the whole register to principals, leadership, readers and central support, not to a teacher', () => {
		for (const a of [actor('principal', 'u'), actor('leadership'), actor('reader'), actor('central_pedagogical_support')])
			expect(can(a, 'apps.register', base)).toBe(true);
		for (const a of [actor('staff', 'u'), actor('pedagogical_key_person', 'u'), actor('principal', 'u', 'org-2')])
			expect(can(a, 'apps.register', base)).toBe(false);
	});

	it('lets only organizer-wide central support and administrators decide', () => {
		expect(can(actor('central_technical_support'), 'apps.manage', base)).toBe(true);
		expect(can(actor('org_admin'), 'apps.manage', base)).toBe(true);
		for (const a of [
			actor('principal', 'u'),
			actor('leadership'),
			actor('central_technical_support', 'u'),
			actor('org_admin', null, 'org-2')
		])
			expect(can(a, 'apps.manage', base)).toBe(false);
	});
});
