// Covers: presentRoundLinks.
import { describe, expect, it } from 'vitest';
import type { Actor, ActiveAssignment } from '../../policies';
import { presentRoundLinks } from './present-round-links';

const ORG = 'org-1';
const SCHOOL = 'unit-school';
const OTHER = 'unit-other';
const actor = (assignments: Omit<ActiveAssignment, 'organizerId'>[]): Actor => ({
	personId: 'p',
	name: 'P',
	assignments: assignments.map((a) => ({ ...a, organizerId: ORG }))
});
const links = (a: Actor, status: 'upcoming' | 'open' | 'closed' = 'open', resultUnitIds: string[] = []) =>
	presentRoundLinks({
		actor: a,
		organizerId: ORG,
		status,
		perspectives: ['leadership', 'staff'],
		units: [
			{ id: SCHOOL, name: 'Skolan' },
			{ id: OTHER, name: 'Andra skolan' }
		],
		resource: (unitId) => ({ type: 'unit', organizerId: ORG, unitId, ancestorIds: [] }),
		resultUnitIds: new Set(resultUnitIds)
	});

describe('presentRoundLinks', () => {
	it('gives a teacher only the answer page of their own unit while the round is open', () => {
		const r = links(actor([{ role: 'staff', unitId: SCHOOL }]));
		expect(r.organizerReport).toBe(false);
		expect(r.units).toEqual([{ unitId: SCHOOL, unitName: 'Skolan', answer: true, consensus: false, unitReport: false, results: false }]);
	});

	it('gives a teacher who answered the unit’s "Ni sa – vi gör" once the round has closed, and no answer page', () => {
		const r = links(actor([{ role: 'staff', unitId: SCHOOL }]), 'closed', [SCHOOL]);
		expect(r.units).toEqual([{ unitId: SCHOOL, unitName: 'Skolan', answer: false, consensus: false, unitReport: false, results: true }]);
	});

	it('gives the principal answering, consensus and the unit report of their unit, but not the organizer report', () => {
		const r = links(actor([{ role: 'principal', unitId: SCHOOL }]), 'open', [SCHOOL]);
		expect(r.organizerReport).toBe(false);
		expect(r.units).toEqual([{ unitId: SCHOOL, unitName: 'Skolan', answer: true, consensus: true, unitReport: true, results: true }]);
	});

	it('shows no consensus page before the round opens', () => {
		const r = links(actor([{ role: 'principal', unitId: SCHOOL }]), 'upcoming');
		expect(r.units[0]).toMatchObject({ answer: false, consensus: false, unitReport: true });
	});

	it('gives an organization administrator the organizer report and every unit report, but nothing to answer or agree', () => {
		const r = links(actor([{ role: 'org_admin', unitId: null }]), 'open', [SCHOOL, OTHER]);
		expect(r.organizerReport).toBe(true);
		expect(r.units.map((u) => [u.unitId, u.answer, u.consensus, u.unitReport, u.results])).toEqual([
			[SCHOOL, false, false, true, true],
			[OTHER, false, false, true, true]
		]);
	});

	it('gives someone with no part in the round no links at all', () => {
		const r = links(actor([{ role: 'student', unitId: OTHER }]));
		expect(r).toEqual({ organizerReport: false, units: [] });
	});
});
