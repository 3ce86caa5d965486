// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor } from './index';

const ORG = 'org-a';
const OTHER = 'org-b';
const actor = (assignments: Actor['assignments']): Actor => ({ personId: 'p', name: 'P', assignments });

describe('policies', () => {
	it('let an organization administrator administer their own organizer only', () => {
		const admin = actor([{ organizerId: ORG, unitId: null, role: 'org_admin' }]);
		expect(can(admin, 'unit.manage', { type: 'organizer', organizerId: ORG })).toBe(true);
		expect(can(admin, 'unit.manage', { type: 'organizer', organizerId: OTHER })).toBe(false);
		expect(can(admin, 'organizer.view', { type: 'organizer', organizerId: OTHER })).toBe(false);
	});

	it('let a principal see their unit and the units below it, not a sibling', () => {
		const rektor = actor([{ organizerId: ORG, unitId: 'ro-1', role: 'principal' }]);
		const child = { type: 'unit' as const, organizerId: ORG, unitId: 'se-1', ancestorIds: ['ro-1', 'forv'] };
		const sibling = { type: 'unit' as const, organizerId: ORG, unitId: 'se-2', ancestorIds: ['ro-2', 'forv'] };
		expect(can(rektor, 'unit.view', child)).toBe(true);
		expect(can(rektor, 'unit.view', sibling)).toBe(false);
		expect(can(rektor, 'unit.manage', { type: 'organizer', organizerId: ORG })).toBe(false);
	});

	it('hide a person with protected identity from everyone but organization administrators', () => {
		const lead = actor([{ organizerId: ORG, unitId: null, role: 'leadership' }]);
		const admin = actor([{ organizerId: ORG, unitId: null, role: 'org_admin' }]);
		const hidden = { type: 'person' as const, organizerId: ORG, protectedIdentity: true };
		expect(can(lead, 'person.view', hidden)).toBe(false);
		expect(can(lead, 'person.view', { ...hidden, protectedIdentity: false })).toBe(true);
		expect(can(admin, 'person.view', hidden)).toBe(true);
	});

	it('give a system administrator no organizer data by that role alone', () => {
		const sys = actor([{ organizerId: null, unitId: null, role: 'system_admin' }]);
		expect(can(sys, 'instance.administer', { type: 'instance' })).toBe(true);
		expect(can(sys, 'organizer.view', { type: 'organizer', organizerId: ORG })).toBe(false);
	});

	it('refuse everything to nobody', () => {
		expect(can(null, 'organizer.view', { type: 'organizer', organizerId: ORG })).toBe(false);
	});
});

describe('self-assessment policies', () => {
	const unit = { type: 'unit' as const, organizerId: ORG, unitId: 'se-1', ancestorIds: ['ro-1'] };
	it('let a teacher answer as staff and a principal as leadership, but only at their own units', () => {
		const teacher = actor([{ organizerId: ORG, unitId: 'se-1', role: 'staff' }]);
		const rektor = actor([{ organizerId: ORG, unitId: 'ro-1', role: 'principal' }]);
		expect(can(teacher, 'assessment.answer', unit)).toBe(true);
		expect(can(teacher, 'assessment.answer', { ...unit, unitId: 'se-2', ancestorIds: ['ro-2'] })).toBe(false);
		expect(can(rektor, 'assessment.consensus', unit)).toBe(true);
		expect(can(teacher, 'assessment.consensus', unit)).toBe(false);
	});
	it('let organizer leadership manage rounds and read every unit, but not agree a unit level', () => {
		const lead = actor([{ organizerId: ORG, unitId: null, role: 'leadership' }]);
		expect(can(lead, 'assessment.manage', { type: 'organizer', organizerId: ORG })).toBe(true);
		expect(can(lead, 'assessment.unit_report', unit)).toBe(true);
		expect(can(lead, 'assessment.consensus', unit)).toBe(false);
		const reader = actor([{ organizerId: ORG, unitId: null, role: 'reader' }]);
		expect(can(reader, 'assessment.organizer_report', { type: 'organizer', organizerId: ORG })).toBe(true);
		expect(can(reader, 'assessment.manage', { type: 'organizer', organizerId: ORG })).toBe(false);
	});
});

describe('identity (decision 018)', () => {
	const admin = actor([{ organizerId: ORG, unitId: null, role: 'org_admin' }]);
	const identity = (organizerIds: string[], systemAdmin = false) => ({
		type: 'identity' as const,
		personId: 'x',
		organizerIds,
		systemAdmin
	});

	it('let an organization administrator manage only an identity that is theirs alone', () => {
		expect(can(admin, 'identity.manage', identity([ORG]))).toBe(true);
		expect(can(admin, 'identity.manage', identity([ORG, OTHER]))).toBe(false);
		expect(can(admin, 'identity.manage', identity([OTHER]))).toBe(false);
		expect(can(admin, 'identity.manage', identity([ORG], true))).toBe(false);
		expect(can(admin, 'identity.manage', identity([]))).toBe(false);
	});

	it('let the person and a system administrator manage the identity and answer invitations', () => {
		const self = { ...actor([]), personId: 'x' };
		const sys = actor([{ organizerId: null, unitId: null, role: 'system_admin' }]);
		for (const a of [self, sys]) {
			expect(can(a, 'identity.manage', identity([ORG, OTHER], true))).toBe(true);
			expect(can(a, 'invitation.respond', identity([ORG]))).toBe(true);
		}
		expect(can(admin, 'invitation.respond', identity([ORG]))).toBe(false);
	});

	it('let a principal read the area report of their own area, not a sibling area, and not the organizer report (issue 14 item 6)', () => {
		const rektor = actor([{ organizerId: ORG, unitId: 'ro-1', role: 'principal' }]);
		const area = { type: 'unit' as const, organizerId: ORG, unitId: 'ro-1', ancestorIds: ['forv'] };
		const sibling = { type: 'unit' as const, organizerId: ORG, unitId: 'ro-2', ancestorIds: ['forv'] };
		expect(can(rektor, 'assessment.area_report', area)).toBe(true);
		expect(can(rektor, 'assessment.area_report', sibling)).toBe(false);
		expect(can(rektor, 'assessment.area_report', { ...area, organizerId: OTHER })).toBe(false);
		expect(can(rektor, 'assessment.organizer_report', { type: 'organizer', organizerId: ORG })).toBe(false);
		const staff = actor([{ organizerId: ORG, unitId: 'ro-1', role: 'staff' }]);
		expect(can(staff, 'assessment.area_report', area)).toBe(false);
		const reader = actor([{ organizerId: ORG, unitId: null, role: 'reader' }]);
		expect(can(reader, 'assessment.area_report', sibling)).toBe(true);
	});
});
