// Covers: findStartRates, findRoundRespondents.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { findStartRates } from './find-start-rates';
import { findRoundRespondents } from './find-round-respondents';

const t = useTestDatabase();
const NOW = new Date('2026-11-20T09:00:00+01:00');

describe('findStartRates', () => {
	it('gives leadership and readers counts and percentages per unit and perspective for open rounds and the latest closed one', async () => {
		const org = await buildOrganizer(t.db);
		const area = await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade', name: 'Södra området' });
		const a = await buildUnit(t.db, { organizerId: org.id, parentId: area.id, name: 'Almskolan' });
		const b = await buildUnit(t.db, { organizerId: org.id, parentId: area.id, name: 'Björkskolan' });
		const open = await buildRound(t.db, {
			organizer: org,
			units: [a, b],
			perspectives: ['staff', 'students'],
			opensOn: '2026-11-01',
			closesOn: '2026-11-30'
		});
		const older = await buildRound(t.db, {
			organizer: org,
			units: [a],
			perspectives: ['staff'],
			opensOn: '2025-11-01',
			closesOn: '2025-11-30'
		});
		const latest = await buildRound(t.db, {
			organizer: org,
			units: [a],
			perspectives: ['staff'],
			opensOn: '2026-03-01',
			closesOn: '2026-03-31'
		});
		await buildRound(t.db, { organizer: org, units: [a], perspectives: ['staff'], opensOn: '2027-03-01', closesOn: '2027-03-31' });

		const staffA = [];
		for (let i = 0; i < 4; i++) staffA.push(await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: org.id, unitId: a.id }] }));
		await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: org.id, unitId: b.id }] });
		await buildResponse(t.db, { round: open, unitId: a.id, perspective: 'staff', personId: staffA[0].id, answers: { 'x.y': 3 } });
		await buildResponse(t.db, { round: open, unitId: a.id, perspective: 'staff', personId: staffA[1].id, answers: {}, submitted: false });
		for (let i = 0; i < 3; i++) await buildResponse(t.db, { round: open, unitId: a.id, perspective: 'students', answers: { 'x.y': 2 } });
		await buildResponse(t.db, { round: open, unitId: b.id, perspective: 'staff', answers: { 'x.y': 2 } });
		await buildResponse(t.db, { round: latest, unitId: a.id, perspective: 'staff', personId: staffA[2].id, answers: { 'x.y': 4 } });

		for (const role of ['leadership', 'reader'] as const) {
			const actor = await buildActor(t.db, [{ role, organizerId: org.id }]);
			const rates = await findStartRates(t.db, { actor, organizerId: org.id, now: NOW });
			expect(rates?.open.map((r) => r.id)).toEqual([open.id]);
			expect(rates?.closed?.id).toBe(latest.id);
			expect(rates?.closed?.id).not.toBe(older.id);
			const [r] = rates!.open;
			expect(r.status).toBe('open');
			expect(r.units.map((u) => u.unitName)).toEqual(['Almskolan', 'Björkskolan']);
			expect(r.units[0].cells).toEqual([
				{ perspective: 'staff', submitted: 1, viaLink: 0, eligible: 4, percent: 25 },
				// Pupils answer through links here: counts, but no percentage of account holders.
				{ perspective: 'students', submitted: 3, viaLink: 3, eligible: 0, percent: null }
			]);
			expect(r.units[1].cells[0]).toEqual({ perspective: 'staff', submitted: 1, viaLink: 1, eligible: 1, percent: 100 });
			expect(r.totals[0]).toEqual({ perspective: 'staff', submitted: 2, viaLink: 1, eligible: 5, percent: 40 });
			expect(rates!.closed!.units[0].cells).toEqual([{ perspective: 'staff', submitted: 1, viaLink: 0, eligible: 4, percent: 25 }]);
			// Only counts: nothing that names or identifies a respondent.
			expect(JSON.stringify(rates)).not.toMatch(/personId|resume|email|level|x\.y/);
		}
	});

	it('is null for those who do not read the whole organizer, and empty when there is no round', async () => {
		const org = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: org.id });
		for (const roles of [
			[{ role: 'staff' as const, organizerId: org.id, unitId: unit.id }],
			[{ role: 'principal' as const, organizerId: org.id, unitId: unit.id }]
		]) {
			const actor = await buildActor(t.db, roles);
			expect(await findStartRates(t.db, { actor, organizerId: org.id, now: NOW })).toBeNull();
		}
		const other = await buildOrganizer(t.db);
		const outsider = await buildActor(t.db, [{ role: 'leadership', organizerId: other.id }]);
		expect(await findStartRates(t.db, { actor: outsider, organizerId: org.id, now: NOW })).toBeNull();
		const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: org.id }]);
		expect(await findStartRates(t.db, { actor: leader, organizerId: org.id, now: NOW })).toEqual({ open: [], closed: null });
	});
});

describe('findRoundRespondents', () => {
	it('lists the people with an account who may answer: by role at or above the unit, in force that day, active and members', async () => {
		const org = await buildOrganizer(t.db);
		const area = await buildUnit(t.db, { organizerId: org.id, kind: 'rektorsomrade' });
		const school = await buildUnit(t.db, { organizerId: org.id, parentId: area.id });
		const round = { organizerId: org.id, perspectives: ['staff', 'leadership', 'key_people'], unitIds: [school.id] };
		const teacher = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: org.id, unitId: school.id }] });
		const principal = await buildPerson(t.db, { roles: [{ role: 'principal', organizerId: org.id, unitId: area.id }] });
		await buildPerson(t.db, { roles: [{ role: 'student', organizerId: org.id, unitId: school.id }] });
		await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: org.id, unitId: school.id, startsOn: '2027-01-01' }] });
		await buildPerson(t.db, { status: 'inactive', roles: [{ role: 'staff', organizerId: org.id, unitId: school.id }] });
		await buildPerson(t.db, { roles: [{ role: 'reader', organizerId: org.id }] });
		const found = await findRoundRespondents(t.db, { round, today: '2026-11-20' });
		expect(found.map((f) => [f.personId, f.perspective]).sort()).toEqual(
			[
				[teacher.id, 'staff'],
				[principal.id, 'leadership']
			].sort()
		);
	});
});
