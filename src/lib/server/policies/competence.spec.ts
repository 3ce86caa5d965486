// Covers: can (competence.view, competence.students, competence.plan, competence.mark, competence.coverage,
// competence.compare, competence.reflect, competence.reflection, competence.aggregate, competence.catalog, competence.catalog.manage, competence.participation).
import { describe, expect, it } from 'vitest';
import { can, type Actor, type CompetenceResource } from './index';
import { ROLES } from './roles';

const org = 'org-1';
const actor = (role: Actor['assignments'][number]['role'], unitId: string | null = null, organizerId = org): Actor => ({
	personId: `${role}-${unitId}`,
	name: role,
	assignments: [{ organizerId, unitId, role }]
});
/** The school 'skola' under the rektorsområde 'ro'. */
const at = (unitId: string, ownerId?: string): CompetenceResource => ({
	type: 'competence',
	organizerId: org,
	unitId,
	ancestorIds: unitId === 'skola' ? ['ro'] : [],
	ownerId
});
const whole = { type: 'organizer' as const, organizerId: org };

describe('the progression plan', () => {
	it('is read by all staff, and one year’s steps by students and guardians too, never by a supplier or another organizer', () => {
		expect(can(actor('staff', 'skola'), 'competence.view', whole)).toBe(true);
		expect(can(actor('reader'), 'competence.view', whole)).toBe(true);
		for (const role of ['student', 'guardian'] as const) {
			expect(can(actor(role, 'skola'), 'competence.view', whole)).toBe(false);
			expect(can(actor(role, 'skola'), 'competence.students', whole)).toBe(true);
		}
		expect(can(actor('supplier'), 'competence.students', whole)).toBe(false);
		expect(can(actor('staff', 'skola', 'org-2'), 'competence.students', whole)).toBe(false);
	});

	it('is written by administrators and central pedagogical support only', () => {
		const writers = ROLES.filter((role) => can(actor(role), 'competence.plan', whole));
		expect(writers.sort()).toEqual(['central_pedagogical_support', 'org_admin']);
	});
});

describe('marking and coverage', () => {
	it('lets staff, principals and pedagogical key people mark at their unit or below, and nobody organizer-wide', () => {
		expect(can(actor('staff', 'skola'), 'competence.mark', at('skola'))).toBe(true);
		expect(can(actor('principal', 'ro'), 'competence.mark', at('skola'))).toBe(true);
		expect(can(actor('pedagogical_key_person', 'skola'), 'competence.mark', at('skola'))).toBe(true);
		expect(can(actor('staff', 'annan'), 'competence.mark', at('skola'))).toBe(false);
		expect(can(actor('technical_key_person', 'skola'), 'competence.mark', at('skola'))).toBe(false);
		expect(can(actor('org_admin'), 'competence.mark', at('skola'))).toBe(false);
	});

	it('shows a unit’s coverage to its principal and organizer-wide readers; only the latter compare units', () => {
		expect(can(actor('principal', 'ro'), 'competence.coverage', at('skola'))).toBe(true);
		expect(can(actor('principal', 'annan'), 'competence.coverage', at('skola'))).toBe(false);
		expect(can(actor('staff', 'skola'), 'competence.coverage', at('skola'))).toBe(false);
		expect(can(actor('principal', 'ro'), 'competence.compare', whole)).toBe(false);
		for (const role of ['org_admin', 'leadership', 'central_pedagogical_support', 'reader'] as const)
			expect(can(actor(role), 'competence.compare', whole)).toBe(true);
	});
});

describe('reflections', () => {
	it('are read by their own person only, whatever role anyone else holds', () => {
		const me = actor('staff', 'skola');
		expect(can(me, 'competence.reflection', at('skola', me.personId))).toBe(true);
		for (const role of ROLES) expect(can(actor(role, null), 'competence.reflection', at('skola', me.personId))).toBe(false);
	});

	it('are aggregated for administrators, leadership and central pedagogical support', () => {
		const readers = ROLES.filter((role) => can(actor(role), 'competence.aggregate', whole));
		expect(readers.sort()).toEqual(['central_pedagogical_support', 'leadership', 'org_admin']);
	});
});

describe('the course catalog', () => {
	it('is read by all staff, never by students, guardians, suppliers or another organizer', () => {
		expect(can(actor('staff', 'skola'), 'competence.catalog', whole)).toBe(true);
		for (const role of ['student', 'guardian', 'supplier'] as const)
			expect(can(actor(role, 'skola'), 'competence.catalog', whole)).toBe(false);
		expect(can(actor('staff', 'skola', 'org-2'), 'competence.catalog', whole)).toBe(false);
	});

	it('is managed by administrators and central pedagogical support only', () => {
		const managers = ROLES.filter((role) => can(actor(role), 'competence.catalog.manage', whole));
		expect(managers.sort()).toEqual(['central_pedagogical_support', 'org_admin']);
	});

	it('shows participation to organizer-wide readers and to principals at their own units only', () => {
		expect(can(actor('leadership'), 'competence.participation', at('skola'))).toBe(true);
		expect(can(actor('principal', 'ro'), 'competence.participation', at('skola'))).toBe(true);
		expect(can(actor('principal', 'annan'), 'competence.participation', at('skola'))).toBe(false);
		expect(can(actor('staff', 'skola'), 'competence.participation', at('skola'))).toBe(false);
		expect(can(actor('pedagogical_key_person', 'skola'), 'competence.participation', at('skola'))).toBe(false);
	});
});
