// Covers: can (capacity.view, capacity.manage, capacity.read).
import { describe, expect, it } from 'vitest';
import { can, type Actor, type CapacityResource } from './index';

const org = 'org-1';
const actor = (
	role: Actor['assignments'][number]['role'],
	unitId: string | null = null,
	organizerId = org,
	personId: string = role
): Actor => ({
	personId,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});
/** The school 'skola' under the rektorsområde 'ro'. */
const atSchool = (personId: string | null = 'key'): CapacityResource => ({
	type: 'capacity',
	organizerId: org,
	unitId: 'skola',
	ancestorIds: ['ro'],
	personId
});
const page = { type: 'organizer' as const, organizerId: org };

describe('who opens the capacity page', () => {
	it('lets administrators, leadership, principals and key people open it', () => {
		for (const a of [
			actor('org_admin'),
			actor('leadership'),
			actor('principal', 'ro'),
			actor('pedagogical_key_person', 'skola'),
			actor('technical_key_person', 'skola')
		])
			expect(can(a, 'capacity.view', page)).toBe(true);
	});

	it('keeps teachers, students, central support, readers, suppliers and other organizers out', () => {
		for (const a of [
			actor('staff', 'skola'),
			actor('student', 'skola'),
			actor('central_technical_support'),
			actor('reader'),
			actor('supplier'),
			actor('principal', 'ro', 'org-2')
		])
			expect(can(a, 'capacity.view', page)).toBe(false);
	});
});

describe('who sets a key person’s allotment', () => {
	it('lets the principal of the school or of the rektorsområde above it set it, and organizer-wide administrators and leadership', () => {
		for (const a of [actor('principal', 'skola'), actor('principal', 'ro'), actor('org_admin'), actor('leadership')])
			expect(can(a, 'capacity.manage', atSchool())).toBe(true);
	});

	it('refuses a principal of another unit, the key person, a teacher and another organizer’s administrator', () => {
		for (const a of [
			actor('principal', 'annan-skola'),
			actor('pedagogical_key_person', 'skola', org, 'key'),
			actor('staff', 'skola'),
			actor('org_admin', null, 'org-2')
		])
			expect(can(a, 'capacity.manage', atSchool())).toBe(false);
	});

	it('offers the form to a principal anywhere, but not to a key person', () => {
		expect(can(actor('principal', 'ro'), 'capacity.manage', page)).toBe(true);
		expect(can(actor('technical_key_person', 'skola'), 'capacity.manage', page)).toBe(false);
	});
});

describe('who reads an allotment and the time spent', () => {
	it('lets the key person read their own, and those who manage it', () => {
		expect(can(actor('technical_key_person', 'skola', org, 'key'), 'capacity.read', atSchool('key'))).toBe(true);
		expect(can(actor('principal', 'ro'), 'capacity.read', atSchool('key'))).toBe(true);
		expect(can(actor('leadership'), 'capacity.read', atSchool('key'))).toBe(true);
	});

	it('keeps another key person at the same school and another unit’s principal from it', () => {
		expect(can(actor('technical_key_person', 'skola', org, 'other'), 'capacity.read', atSchool('key'))).toBe(false);
		expect(can(actor('principal', 'annan-skola'), 'capacity.read', atSchool('key'))).toBe(false);
		expect(can(actor('org_admin', null, 'org-2'), 'capacity.read', atSchool('key'))).toBe(false);
	});
});
