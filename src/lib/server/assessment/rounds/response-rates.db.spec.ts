// Covers: findResponseRates, findAnswerableRounds, getRound.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { findResponseRates } from './find-response-rates';
import { findAnswerableRounds } from './find-answerable-rounds';
import { getRound } from './get-round';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

describe('response rates', () => {
	it('counts submitted and started responses per unit and perspective; the organizer sees all units, a principal only theirs', async () => {
		const org = await buildOrganizer(h.db);
		const area = await buildUnit(h.db, { organizerId: org.id, kind: 'rektorsomrade', name: 'Område' });
		const a = await buildUnit(h.db, { organizerId: org.id, parentId: area.id, name: 'Askolan' });
		const b = await buildUnit(h.db, { organizerId: org.id, name: 'Bskolan' });
		const built = await buildRound(h.db, { organizer: org, units: [a, b], perspectives: ['staff', 'students'] });
		for (let i = 0; i < 3; i++) await buildResponse(h.db, { round: built, unitId: a.id, perspective: 'students', answers: { 'x.y': 2 } });
		await buildResponse(h.db, { round: built, unitId: a.id, perspective: 'students', answers: {}, submitted: false });
		await buildResponse(h.db, { round: built, unitId: b.id, perspective: 'staff', answers: { 'x.y': 4 } });
		const round = await getRound(h.db, { organizerId: org.id, roundId: built.id });

		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: org.id }]);
		const all = await findResponseRates(h.db, { actor: leader, round });
		// Tree order: Bskolan and Område are roots (B before O); Askolan sits under Område.
		expect(all.map((u) => u.unitName)).toEqual(['Bskolan', 'Askolan']);
		const aRates = all.find((u) => u.unitId === a.id)!;
		expect(aRates.perspectives).toEqual([
			{ perspective: 'staff', submitted: 0, inProgress: 0 },
			{ perspective: 'students', submitted: 3, inProgress: 1 }
		]);
		expect(aRates).toMatchObject({ submitted: 3, inProgress: 1 });
		expect(JSON.stringify(all)).not.toMatch(/personId|resume/);

		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: org.id, unitId: area.id }]);
		const own = await findResponseRates(h.db, { actor: principal, round });
		expect(own.map((u) => u.unitId)).toEqual([a.id]);

		const staff = await buildActor(h.db, [{ role: 'staff', organizerId: org.id, unitId: b.id }]);
		expect(await findResponseRates(h.db, { actor: staff, round })).toEqual([]);
	});

	it('lists open rounds where the actor can answer, with the rate for the unit team only', async () => {
		const org = await buildOrganizer(h.db);
		const a = await buildUnit(h.db, { organizerId: org.id, name: 'Cskolan' });
		const open = await buildRound(h.db, { organizer: org, units: [a], perspectives: ['staff', 'leadership'] });
		await buildRound(h.db, { organizer: org, units: [a], perspectives: ['staff'], closedAt: new Date() });
		await buildRound(h.db, { organizer: org, units: [a], perspectives: ['students'] });
		await buildResponse(h.db, { round: open, unitId: a.id, perspective: 'staff', answers: {} });

		const teacher = await buildActor(h.db, [{ role: 'staff', organizerId: org.id, unitId: a.id }]);
		const forTeacher = await findAnswerableRounds(h.db, { actor: teacher, organizerId: org.id });
		expect(forTeacher).toHaveLength(1);
		expect(forTeacher[0]).toMatchObject({
			id: open.id,
			units: [{ unitId: a.id, unitName: 'Cskolan', perspectives: ['staff'], rate: null }]
		});

		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: org.id, unitId: a.id }]);
		const forPrincipal = await findAnswerableRounds(h.db, { actor: principal, organizerId: org.id });
		expect(forPrincipal[0].units[0]).toMatchObject({ perspectives: ['leadership'], rate: { submitted: 1, inProgress: 0 } });

		const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: org.id }]);
		expect(await findAnswerableRounds(h.db, { actor: admin, organizerId: org.id })).toEqual([]);
	});
});
