// Covers: can.
import { describe, expect, it } from 'vitest';
import { can, type Actor, type PlanResource } from './index';

const org = 'org-1';
const actor = (personId: string, assignments: Actor['assignments']): Actor => ({ personId, name: personId, assignments });
const organizerPlan: PlanResource = { type: 'plan', organizerId: org, unitId: null, ancestorIds: [] };
const planA: PlanResource = { type: 'plan', organizerId: org, unitId: 'unit-a', ancestorIds: ['area-1'] };
const planB: PlanResource = { type: 'plan', organizerId: org, unitId: 'unit-b', ancestorIds: ['area-2'] };
const organizer = { type: 'organizer' as const, organizerId: org };

const leader = actor('leader', [{ organizerId: org, unitId: null, role: 'leadership' }]);
const admin = actor('admin', [{ organizerId: org, unitId: null, role: 'org_admin' }]);
const principalA = actor('principal-a', [{ organizerId: org, unitId: 'unit-a', role: 'principal' }]);
const areaPrincipal = actor('area-principal', [{ organizerId: org, unitId: 'area-1', role: 'principal' }]);
const keyA = actor('key-a', [{ organizerId: org, unitId: 'unit-a', role: 'pedagogical_key_person' }]);
const teacherA = actor('teacher-a', [{ organizerId: org, unitId: 'unit-a', role: 'staff' }]);
const politician = actor('politician', [{ organizerId: org, unitId: null, role: 'reader' }]);
const supplier = actor('supplier', [{ organizerId: org, unitId: null, role: 'supplier' }]);
const student = actor('student', [{ organizerId: org, unitId: 'unit-a', role: 'student' }]);
const guardian = actor('guardian', [{ organizerId: org, unitId: 'unit-a', role: 'guardian' }]);
const stranger = actor('stranger', [{ organizerId: 'org-2', unitId: null, role: 'org_admin' }]);

describe('who plans and reads action plans', () => {
	it('lets leadership and organization administrators write the organizer plan and every unit plan', () => {
		for (const a of [leader, admin]) for (const p of [organizerPlan, planA, planB]) expect(can(a, 'plan.write', p)).toBe(true);
	});

	it('lets a principal write their own unit plans, including units below their area, but not another unit or the organizer plan', () => {
		expect(can(principalA, 'plan.write', planA)).toBe(true);
		expect(can(principalA, 'plan.write', planB)).toBe(false);
		expect(can(principalA, 'plan.write', organizerPlan)).toBe(false);
		expect(can(areaPrincipal, 'plan.write', planA)).toBe(true);
		expect(can(areaPrincipal, 'plan.write', { ...planA, unitId: 'area-1', ancestorIds: [] })).toBe(true);
		expect(can(areaPrincipal, 'plan.write', planB)).toBe(false);
	});

	it('lets central pedagogical support add course actions anywhere (decision 066) without writing plans', () => {
		const central = actor('central', [{ organizerId: org, unitId: null, role: 'central_pedagogical_support' }]);
		for (const p of [organizerPlan, planA, planB]) {
			expect(can(central, 'plan.course', p)).toBe(true);
			expect(can(central, 'plan.write', p)).toBe(false);
		}
		expect(can(principalA, 'plan.course', planA)).toBe(true);
		expect(can(principalA, 'plan.course', planB)).toBe(false);
		for (const a of [keyA, teacherA, politician, stranger]) expect(can(a, 'plan.course', planA)).toBe(false);
	});

	it('lets a key person update the status of an action they are responsible for, and no other', () => {
		expect(can(keyA, 'plan.write', planA)).toBe(false);
		expect(can(keyA, 'action.status', { ...planA, responsibleId: 'key-a' })).toBe(true);
		expect(can(keyA, 'action.status', { ...organizerPlan, responsibleId: 'key-a' })).toBe(true);
		expect(can(keyA, 'action.status', { ...planA, responsibleId: 'teacher-a' })).toBe(false);
	});

	it('lets a reader read the organizer plan only, and staff their own unit plan', () => {
		expect(can(politician, 'plan.view', organizerPlan)).toBe(true);
		expect(can(politician, 'plan.view', planA)).toBe(false);
		expect(can(politician, 'plan.write', organizerPlan)).toBe(false);
		expect(can(teacherA, 'plan.view', planA)).toBe(true);
		expect(can(teacherA, 'plan.view', planB)).toBe(false);
		expect(can(teacherA, 'plan.write', planA)).toBe(false);
		expect(can(principalA, 'plan.view', planA)).toBe(true);
	});

	it('shows suppliers, students, guardians and other organizers nothing of planning', () => {
		for (const a of [supplier, student, guardian, stranger]) {
			expect(can(a, 'planning.view', organizer)).toBe(false);
			for (const p of [organizerPlan, planA]) {
				expect(can(a, 'plan.view', p)).toBe(false);
				expect(can(a, 'action.status', { ...p, responsibleId: a.personId })).toBe(false);
			}
		}
		expect(can(teacherA, 'planning.view', organizer)).toBe(true);
		expect(can(politician, 'planning.view', organizer)).toBe(true);
	});

	it('lets only leadership and organization administrators set the reminder days (planning.configure)', () => {
		expect(can(leader, 'planning.configure', organizer)).toBe(true);
		expect(can(admin, 'planning.configure', organizer)).toBe(true);
		for (const a of [principalA, areaPrincipal, keyA, teacherA, politician, supplier, student, guardian, stranger]) {
			expect(can(a, 'planning.configure', organizer)).toBe(false);
		}
	});
});

describe('who runs and reads forums', () => {
	const itRad = { type: 'forum' as const, organizerId: org, unitId: null, ancestorIds: [], memberIds: ['key-a', 'supplier'] };
	const unitForum = { ...itRad, unitId: 'unit-a', ancestorIds: ['area-1'], memberIds: ['teacher-a'] };

	it('lets leadership and administrators manage every forum, and a principal only a forum of their unit', () => {
		for (const a of [leader, admin]) for (const f of [itRad, unitForum]) expect(can(a, 'forum.manage', f)).toBe(true);
		expect(can(principalA, 'forum.manage', unitForum)).toBe(true);
		expect(can(principalA, 'forum.manage', itRad)).toBe(false);
		expect(can(keyA, 'forum.manage', itRad)).toBe(false);
	});

	it('lets members and managers read a forum, but no other insider, nor a member who is an outsider role', () => {
		expect(can(keyA, 'forum.view', itRad)).toBe(true);
		expect(can(leader, 'forum.view', itRad)).toBe(true);
		// A decision's owner may follow it up while they read the forum; a manager may always.
		expect(can(keyA, 'forum.decision_status', { ...itRad, decisionOwnerId: 'key-a' })).toBe(true);
		expect(can(keyA, 'forum.decision_status', { ...itRad, decisionOwnerId: 'someone-else' })).toBe(false);
		expect(can(leader, 'forum.decision_status', { ...itRad, decisionOwnerId: 'key-a' })).toBe(true);
		expect(can(teacherA, 'forum.view', itRad)).toBe(false);
		expect(can(teacherA, 'forum.view', unitForum)).toBe(true);
		expect(can(politician, 'forum.view', itRad)).toBe(false);
		expect(can(supplier, 'forum.view', itRad)).toBe(false);
		expect(can(stranger, 'forum.view', itRad)).toBe(false);
	});
});

describe('who reads and writes an Undersök → Analysera → Agera cycle', () => {
	it('lets the scope planners and the working group write, and plan readers read', () => {
		const cycleA = { ...planA, groupIds: ['teacher-b'] };
		const teacherB = actor('teacher-b', [{ organizerId: org, unitId: 'unit-b', role: 'staff' }]);
		expect(can(principalA, 'cycle.write', cycleA)).toBe(true);
		expect(can(teacherB, 'cycle.write', cycleA)).toBe(true);
		expect(can(teacherB, 'cycle.view', cycleA)).toBe(true);
		expect(can(teacherB, 'plan.write', cycleA)).toBe(false);
		expect(can(teacherA, 'cycle.view', cycleA)).toBe(true);
		expect(can(teacherA, 'cycle.write', cycleA)).toBe(false);
		expect(can(principalA, 'cycle.write', { ...planB, groupIds: [] })).toBe(false);
		expect(can(politician, 'cycle.view', cycleA)).toBe(false);
	});

	it('gives a student or supplier in a working group nothing', () => {
		for (const a of [student, supplier]) {
			expect(can(a, 'cycle.write', { ...planA, groupIds: [a.personId] })).toBe(false);
			expect(can(a, 'cycle.view', { ...planA, groupIds: [a.personId] })).toBe(false);
		}
	});
});
