// Covers: hasPartInRound.
import { describe, expect, it } from 'vitest';
import type { Actor, ActiveAssignment } from '../../policies';
import { hasPartInRound } from './part-in-round';

const ORG = 'org-1';
const SCHOOL = 'unit-school';
const OTHER = 'unit-other';
const actor = (assignments: Omit<ActiveAssignment, 'organizerId'>[]): Actor => ({
	personId: 'p',
	name: 'P',
	assignments: assignments.map((a) => ({ ...a, organizerId: ORG }))
});
const part = (a: Actor, perspectives = ['leadership', 'staff']) =>
	hasPartInRound({
		actor: a,
		organizerId: ORG,
		round: { perspectives, unitIds: [SCHOOL] },
		resource: (unitId) => ({ type: 'unit', organizerId: ORG, unitId, ancestorIds: [] })
	});

describe('who has a part in a round (the round page and the round list)', () => {
	it('gives a guardian, a supplier and a teacher at a unit outside the round no part', () => {
		expect(part(actor([{ role: 'guardian', unitId: SCHOOL }]))).toBe(false);
		expect(part(actor([{ role: 'supplier', unitId: null }]))).toBe(false);
		expect(part(actor([{ role: 'staff', unitId: OTHER }]))).toBe(false);
	});

	it('gives a pupil a part only when the round asks pupils', () => {
		expect(part(actor([{ role: 'student', unitId: SCHOOL }]))).toBe(false);
		expect(part(actor([{ role: 'student', unitId: SCHOOL }]), ['students'])).toBe(true);
	});

	it('gives a part to those who answer or read the unit report at one of its units, and to organizer-wide readers', () => {
		expect(part(actor([{ role: 'staff', unitId: SCHOOL }]))).toBe(true);
		expect(part(actor([{ role: 'principal', unitId: SCHOOL }]), ['students'])).toBe(true);
		expect(part(actor([{ role: 'org_admin', unitId: null }]))).toBe(true);
		expect(part(actor([{ role: 'reader', unitId: null }]))).toBe(true);
	});
});
