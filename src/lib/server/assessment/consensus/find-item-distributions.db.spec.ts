// Covers: getUnitReport, findItemDistributions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { eq } from 'drizzle-orm';
import type { DbHandle } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { getUnitReport } from './get-unit-report';
import { findItemDistributions } from './find-item-distributions';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.elevernas-kompetens-progression';

/**
 * A unit whose staff group has `staff` submitted responses and whose students have `students`, in a
 * round that has closed (distributions wait for the close) unless `open`; `empty` staff responses are
 * submitted without any answer.
 */
async function scenario(staff: number[], students: number[], k = 5, { open = false, empty = 0 } = {}) {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit], anonymityThreshold: k });
	for (const [i, level] of staff.entries()) {
		await buildResponse(h.db, {
			round,
			unitId: unit.id,
			perspective: 'staff',
			answers: { [ITEM]: level },
			comments: { [ITEM]: `Personalkommentar ${i}` }
		});
	}
	for (const [i, level] of students.entries()) {
		await buildResponse(h.db, {
			round,
			unitId: unit.id,
			perspective: 'students',
			answers: { [ITEM]: level },
			comments: { [ITEM]: `Elevkommentar ${i}` }
		});
	}
	for (let i = 0; i < empty; i++) await buildResponse(h.db, { round, unitId: unit.id, perspective: 'staff', answers: {} });
	// An unsubmitted response never counts towards the group or the distribution.
	await buildResponse(h.db, { round, unitId: unit.id, perspective: 'students', answers: { [ITEM]: 1 }, submitted: false });
	if (!open) await h.db.update(assessmentRounds).set({ closedAt: new Date() }).where(eq(assessmentRounds.id, round.id));
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
	const result = await findItemDistributions(h.db, {
		actor: principal,
		organizerId: organizer.id,
		roundId: round.id,
		unitId: unit.id,
		subGoalId: '1.1'
	});
	return { result, item: result.items.find((i) => i.key === ITEM)!, organizer, unit, round };
}

describe('the distribution the unit team sees', () => {
	it('shows a group of five with counts per level and median, and a group of four under k = 5 not at all', async () => {
		const shown = (await scenario([1, 2, 2, 3, 4], [])).item.groups.find((g) => g.perspective === 'staff')!;
		expect(shown.shown).toBe(true);
		expect(shown.distribution?.levels).toEqual({ 1: 1, 2: 2, 3: 1, 4: 1 });
		expect(shown.distribution?.median).toBe(2);
		const students = (await scenario([], [3, 3, 3, 3])).item.groups.find((g) => g.perspective === 'students')!;
		expect(students.shown).toBe(false);
		expect(students.responses).toBeNull();
		expect(students.distribution).toBeNull();
	});

	it('also hides a large group that the reports hide so that a small one cannot be subtracted (complementary suppression)', async () => {
		// Staff 5 and students 4 in the only unit: the unit's total (9) minus staff (5) would give the students.
		const { item, organizer, unit, round } = await scenario([1, 2, 2, 3, 4], [3, 3, 3, 3]);
		expect(item.groups.filter((g) => g.perspective !== 'leadership').map((g) => [g.perspective, g.shown])).toEqual([
			['staff', false],
			['students', false]
		]);
		expect(item.comments).toEqual([]);
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
		const report = await getUnitReport(h.db, { actor: principal, organizerId: organizer.id, roundId: round.id, unitId: unit.id });
		const inReport = report.subGoals.find((sg) => sg.id === '1.1')!.perspectiveMeans.find((p) => p.perspective === 'staff')!;
		expect(inReport.shown).toBe(false);
	});

	it('counts answers to the item, not submitted responses: four empty submissions do not reveal one real answer', async () => {
		const { item, result } = await scenario([4], [], 5, { empty: 4 });
		const staff = item.groups.find((g) => g.perspective === 'staff')!;
		expect(staff.shown).toBe(false);
		expect(staff.distribution).toBeNull();
		expect(item.comments).toEqual([]);
		expect(JSON.stringify(result)).not.toContain('Personalkommentar');
	});

	it('shows no distribution, comment or disagreement while the round is open, however large the group', async () => {
		const { item, result } = await scenario([1, 1, 3, 3, 3, 4], [], 5, { open: true });
		expect(result.round.published).toBe(false);
		expect(item.groups.every((g) => !g.shown && g.distribution === null && g.responses === null)).toBe(true);
		expect(item.comments).toEqual([]);
		expect(item.disagreement).toBe(false);
		expect(JSON.stringify(result)).not.toContain('Personalkommentar');
	});

	it('shows comments of shown groups only, without anything that names the writer', async () => {
		const { item } = await scenario([3, 3, 3, 3, 3], []);
		expect(item.comments.map((c) => c.text)).toEqual([
			'Personalkommentar 0',
			'Personalkommentar 1',
			'Personalkommentar 2',
			'Personalkommentar 3',
			'Personalkommentar 4'
		]);
		expect(Object.keys(item.comments[0]).sort()).toEqual(['perspective', 'text']);
	});

	it('marks disagreement when a shown group is split by two steps with a quarter on each side', async () => {
		const { item } = await scenario([1, 1, 3, 3, 3], []);
		expect(item.groups.find((g) => g.perspective === 'staff')!.spread).toBe(true);
		expect(item.disagreement).toBe(true);
	});

	it('marks disagreement when shown perspectives’ medians are 1.5 steps apart, but never from a hidden group', async () => {
		const apart = await scenario([1, 1, 1, 2, 2], [3, 3, 3, 3, 3]);
		expect(apart.item.mediansApart).toBe(true);
		const hidden = await scenario([1, 1, 1, 2, 2], [4, 4, 4, 4]);
		expect(hidden.item.mediansApart).toBe(false);
		expect(hidden.item.disagreement).toBe(false);
	});

	it('refuses staff, who answer but do not agree the unit’s levels', async () => {
		const { organizer, unit, round } = await scenario([3], []);
		const teacher = await buildActor(h.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const e = await findItemDistributions(h.db, {
			actor: teacher,
			organizerId: organizer.id,
			roundId: round.id,
			unitId: unit.id,
			subGoalId: '1.1'
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});

	it('does not find a sub-goal the round does not have', async () => {
		const { organizer, unit, round } = await scenario([3], []);
		const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: unit.id }]);
		const e = await findItemDistributions(h.db, {
			actor: principal,
			organizerId: organizer.id,
			roundId: round.id,
			unitId: unit.id,
			subGoalId: '9.9'
		}).catch((x) => x);
		expect(e.code).toBe('NOT_FOUND');
	});
});
