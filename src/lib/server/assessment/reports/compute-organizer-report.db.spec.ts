// Covers: computeOrganizerReport.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentConsensus } from '../../db/schema';
import { computeOrganizerReport, type FigureTable } from './compute-organizer-report';
import { TOTAL } from './suppress';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const STUDENT_ITEM = 'ns.1-1.programmering';
const STAFF_ITEM = 'ns.1-1.amnesdidaktisk-anvandning';

async function answerMany(
	round: Parameters<typeof buildResponse>[1]['round'],
	unitId: string,
	perspective: string,
	answers: Record<string, number | 'dont_know' | 'not_applicable'>[]
) {
	for (const a of answers) await buildResponse(h.db, { round, unitId, perspective, answers: a });
}

/** Cells of a table an attacker can pin down from one row or column of shown figures by subtraction. */
function singleLineLeaks(table: FigureTable, rows: string[], cols: string[]) {
	const leaks: string[] = [];
	for (const r of [...rows, TOTAL])
		for (const c of [...cols, TOTAL]) {
			if (!table[r][c].suppressed) continue;
			const rowOthers = [...cols, TOTAL].filter((x) => x !== c);
			const colOthers = [...rows, TOTAL].filter((x) => x !== r);
			if (rowOthers.every((x) => !table[r][x].suppressed)) leaks.push(`${r}/${c} by row`);
			if (colOthers.every((x) => !table[x][c].suppressed)) leaks.push(`${r}/${c} by column`);
		}
	return leaks;
}

describe('computeOrganizerReport', () => {
	it('rolls up means and counts per unit, perspective and organizer, leaving vet ej out of means but counting it', async () => {
		const organizer = await buildOrganizer(h.db);
		const [a, b] = [
			await buildUnit(h.db, { organizerId: organizer.id, name: 'Ekskolan' }),
			await buildUnit(h.db, { organizerId: organizer.id, name: 'Björkskolan' })
		];
		const round = await buildRound(h.db, { organizer, units: [a, b], anonymityThreshold: 2, closedAt: new Date() });
		await answerMany(round, a.id, 'staff', [{ [STAFF_ITEM]: 1 }, { [STAFF_ITEM]: 2 }, { [STAFF_ITEM]: 'dont_know' }]);
		await answerMany(round, b.id, 'staff', [{ [STAFF_ITEM]: 4 }, { [STAFF_ITEM]: 4 }]);
		await buildResponse(h.db, { round, unitId: b.id, perspective: 'staff', answers: { [STAFF_ITEM]: 1 }, submitted: false });
		await h.db
			.insert(assessmentConsensus)
			.values({ roundId: round.id, unitId: a.id, organizerId: organizer.id, itemKey: STAFF_ITEM, level: 2, evidence: 'Protokoll' });
		const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);

		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: round.id });

		expect(report.units.map((u) => u.name)).toEqual(['Björkskolan', 'Ekskolan']);
		expect(report.respondents[a.id].staff).toBe(3);
		expect(report.respondents[b.id].staff).toBe(2); // the draft is not counted
		const t = report.figures['1.1'];
		expect(t[a.id].staff).toMatchObject({ shown: true, mean: 1.5, n: 2, dontKnow: 1 });
		expect(t[b.id].staff).toMatchObject({ shown: true, mean: 4, n: 2 });
		expect(t[TOTAL].staff).toMatchObject({ shown: true, mean: 11 / 4, n: 4, dontKnow: 1 });
		expect(t[TOTAL][TOTAL].mean).toBe(11 / 4);
		expect(report.consensus[a.id][STAFF_ITEM]).toMatchObject({ level: 2, evidence: 'Protokoll' });
		expect(report.consensusMeans['1.1'][a.id]).toBe(2);
		expect(report.equity['1.1'].answers).toMatchObject({ units: 2, min: 1.5, max: 4, range: 2.5, shareBelow2: 0.5 });
		expect(report.equity['1.1'].answers!.sd).toBeCloseTo(1.25);
	});

	it('hides a small group and enough others that no subtraction organizer → unit → perspective reveals it', async () => {
		const organizer = await buildOrganizer(h.db);
		const units = [];
		for (const name of ['A', 'B', 'C']) units.push(await buildUnit(h.db, { organizerId: organizer.id, name }));
		const round = await buildRound(h.db, { organizer, units, anonymityThreshold: 5, closedAt: new Date() });
		const students = [2, 6, 7];
		const staff = [6, 5, 8];
		for (const [i, u] of units.entries()) {
			await answerMany(
				round,
				u.id,
				'students',
				Array.from({ length: students[i] }, (_, j) => ({ [STUDENT_ITEM]: ((i + j) % 4) + 1 }))
			);
			await answerMany(
				round,
				u.id,
				'staff',
				Array.from({ length: staff[i] }, (_, j) => ({ [STUDENT_ITEM]: ((i * 3 + j) % 4) + 1 }))
			);
		}
		const actor = await buildActor(h.db, [{ role: 'reader', organizerId: organizer.id }]);
		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		const t = report.figures['1.1'];
		const [a] = units;
		expect(t[a.id].students).toMatchObject({ shown: false, suppressed: true, mean: null });
		expect(report.respondents[a.id].students).toBeNull();

		const ids = units.map((u) => u.id);
		const cols = ['staff', 'students'];
		expect(singleLineLeaks(t, ids, cols)).toEqual([]);
		// Attack 1: organizer total for students minus the shown units.
		if (t[TOTAL].students.shown) expect(ids.filter((id) => !t[id].students.shown).length).toBeGreaterThanOrEqual(2);
		// Attack 2: unit A's total minus its staff group.
		expect(t[a.id][TOTAL].shown && t[a.id].staff.shown).toBe(false);
		// The respondent counts obey the same rule.
		const counted = (r: string, c: string) => report.respondents[r][c] !== null;
		expect(counted(TOTAL, 'students') && counted(ids[1], 'students') && counted(ids[2], 'students')).toBe(false);
	});

	it('hides a group for the whole sub-goal when one of its item means rests on fewer than k level answers', async () => {
		const organizer = await buildOrganizer(h.db);
		const [a, b] = [await buildUnit(h.db, { organizerId: organizer.id }), await buildUnit(h.db, { organizerId: organizer.id })];
		const round = await buildRound(h.db, { organizer, units: [a, b], anonymityThreshold: 5, closedAt: new Date() });
		// Six students in A, but only two gave a level on the programming item.
		await answerMany(round, a.id, 'students', [
			...Array.from({ length: 4 }, () => ({ [STUDENT_ITEM]: 'dont_know' as const, 'ns.1-1.elevernas-kompetens-progression': 3 })),
			{ [STUDENT_ITEM]: 1, 'ns.1-1.elevernas-kompetens-progression': 3 },
			{ [STUDENT_ITEM]: 1, 'ns.1-1.elevernas-kompetens-progression': 3 }
		]);
		for (const unit of [b])
			await answerMany(
				round,
				unit.id,
				'students',
				Array.from({ length: 8 }, () => ({ [STUDENT_ITEM]: 3, 'ns.1-1.elevernas-kompetens-progression': 2 }))
			);
		const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		expect(report.respondents[a.id].students).toBe(6);
		expect(report.figures['1.1'][a.id].students.shown).toBe(false);
		expect(report.figures['1.1'][b.id].students.shown).toBe(false); // complement: the organizer total would reveal A
	});

	it('refuses another organizer and people without the report right', async () => {
		const organizer = await buildOrganizer(h.db);
		const other = await buildOrganizer(h.db);
		const round = await buildRound(h.db, { organizer, closedAt: new Date() });
		const outsider = await buildActor(h.db, [{ role: 'org_admin', organizerId: other.id }]);
		await expect(computeOrganizerReport(h.db, { actor: outsider, organizerId: other.id, roundId: round.id })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(computeOrganizerReport(h.db, { actor: outsider, organizerId: organizer.id, roundId: round.id })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
		await expect(computeOrganizerReport(h.db, { actor: outsider, organizerId: other.id, roundId: 'not-a-uuid' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('shows respondent counts but no mean while the round is open, so nobody can watch one answer move a mean (decision 014)', async () => {
		const organizer = await buildOrganizer(h.db);
		const [a, b] = [await buildUnit(h.db, { organizerId: organizer.id }), await buildUnit(h.db, { organizerId: organizer.id })];
		const round = await buildRound(h.db, { organizer, units: [a, b], anonymityThreshold: 2 });
		await answerMany(round, a.id, 'staff', [{ [STAFF_ITEM]: 1 }, { [STAFF_ITEM]: 2 }, { [STAFF_ITEM]: 3 }]);
		await answerMany(round, b.id, 'staff', [{ [STAFF_ITEM]: 4 }, { [STAFF_ITEM]: 4 }]);
		const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const report = await computeOrganizerReport(h.db, { actor, organizerId: organizer.id, roundId: round.id });
		expect(report.round.published).toBe(false);
		expect(report.respondents[a.id].staff).toBe(3);
		for (const row of Object.values(report.figures['1.1']))
			for (const cell of Object.values(row)) expect(cell).toMatchObject({ shown: false, mean: null, n: 0 });
		expect(report.equity['1.1'].answers).toBeNull();
	});
});
