// Covers: can (apps.request).
import { describe, expect, it } from 'vitest';
import { can, type Actor, type AppsResource } from './index';

const org = 'org-1';
const base: AppsResource = { type: 'apps', organizerId: org };
const actor = (role: Actor['assignments'][number]['role'], unitId: string | null = null, organizerId = org): Actor => ({
	personId: role,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});

describe('who may ask for a new digital tool (decision 047)', () => {
	it('lets staff, principals, key people, central support and administrators ask', () => {
		for (const a of [
			actor('staff', 'u'),
			actor('principal', 'u'),
			actor('pedagogical_key_person', 'u'),
			actor('central_technical_support'),
			actor('org_admin')
		])
			expect(can(a, 'apps.request', base)).toBe(true);
	});

	it('keeps readers, students, guardians, suppliers and other organizers out', () => {
		for (const a of [actor('reader'), actor('student', 'u'), actor('guardian', 'u'), actor('supplier'), actor('staff', 'u', 'org-2')])
			expect(can(a, 'apps.request', base)).toBe(false);
	});
});
