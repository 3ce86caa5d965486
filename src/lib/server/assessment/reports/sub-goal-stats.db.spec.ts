// Covers: rebuildItemStats, fetchGroupStats, fetchSubGoalStats, roundSubGoalMap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import { buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import type { DbHandle } from '../../db';
import { assessmentCustomItems, assessmentSubGoalStats } from '../../db/schema';
import { rebuildItemStats } from './item-stats';
import { fetchGroupStats, fetchSubGoalStats, type StatRow } from './report-queries';
import { roundSubGoalMap } from './sub-goal-stats';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

/** Two items of sub-goal 1.1, one of 1.2, one of the organizer's own in 1.1 and one key outside the round. */
const A = 'ns.1-1.programmering';
const B = 'ns.1-1.amnesdidaktisk-anvandning';
const C = 'ns.1-2.budget';
const OWN = 'egen.mitt-eget';
const STRAY = 'ns.finns-inte';

const sortRows = (rows: StatRow[]) =>
	[...rows].sort((a, b) => (`${a.unitId}|${a.perspective}|${a.groupKey}` < `${b.unitId}|${b.perspective}|${b.groupKey}` ? -1 : 1));
const tableOf = async (roundId: string) =>
	(await h.db.select().from(assessmentSubGoalStats).where(eq(assessmentSubGoalStats.roundId, roundId))).sort((a, b) =>
		`${a.unitId}${a.perspective}${a.subGoalId}` < `${b.unitId}${b.perspective}${b.subGoalId}` ? -1 : 1
	);

async function buildSpreadRound() {
	const organizer = await buildOrganizer(h.db);
	const units = [await buildUnit(h.db, { organizerId: organizer.id }), await buildUnit(h.db, { organizerId: organizer.id })];
	const round = await buildRound(h.db, { organizer, units, anonymityThreshold: 3 });
	await h.db.insert(assessmentCustomItems).values({
		organizerId: organizer.id,
		roundId: round.id,
		key: OWN,
		subGoalId: '1.1',
		content: { statement: { sv: 'Eget', en: 'Own' }, perspectives: ['staff'] }
	});
	const [u1, u2] = units.map((u) => u.id);
	// Unit 1: four staff (C answered by only one of them), two students; unit 2: one staff, three students, all dont_know on B.
	for (const [level, extra] of [
		[1, { [C]: 2 }],
		[2, {}],
		[3, {}],
		[4, { [OWN]: 3 }]
	] as const)
		await buildResponse(h.db, {
			round,
			unitId: u1,
			perspective: 'staff',
			answers: { [A]: level, [B]: 4 - level + 1, [STRAY]: 1, ...extra }
		});
	for (const level of [2, 3]) await buildResponse(h.db, { round, unitId: u1, perspective: 'students', answers: { [A]: level } });
	await buildResponse(h.db, { round, unitId: u2, perspective: 'staff', answers: { [A]: 4, [C]: 'not_applicable' } });
	for (const level of [1, 1, 2])
		await buildResponse(h.db, { round, unitId: u2, perspective: 'students', answers: { [A]: level, [B]: 'dont_know' } });
	await buildResponse(h.db, { round, unitId: u2, perspective: 'students', answers: { [A]: 4 }, submitted: false });
	return round;
}

describe('sums per sub-goal', () => {
	it('kept at each submission equal a rebuild of the whole round from the answers', async () => {
		const round = await buildSpreadRound();
		const incremental = await tableOf(round.id);
		const staff11 = incremental.find((r) => r.unitId === round.units[0].id && r.perspective === 'staff' && r.subGoalId === '1.1')!;
		// A: 1+2+3+4, B: 4+3+2+1, own item: 3 — nine level answers; the smallest item group is the own item with one answer.
		expect([staff11.n, staff11.sum, staff11.minItemN]).toEqual([9, 23, 1]);
		expect(incremental.some((r) => r.subGoalId === 'ns.finns-inte' || r.perspective === 'leadership')).toBe(false);
		await rebuildItemStats(h.db, round.id);
		expect(await tableOf(round.id)).toEqual(incremental);
	});

	it('give the organizer report the same figures and thin flags as grouping every item row', async () => {
		const round = await buildSpreadRound();
		const groups = await roundSubGoalMap(h.db, round.id);
		expect(groups[OWN]).toBe('1.1');
		const scope = { organizerId: round.organizerId, roundId: round.id, groups, threshold: round.anonymityThreshold };
		const fromItems = sortRows(await fetchGroupStats(h.db, scope));
		const fromSubGoals = sortRows(await fetchSubGoalStats(h.db, scope));
		expect(fromSubGoals).toEqual(fromItems);
		// Every level is exercised: a thin unit × perspective, unit total, perspective total and organizer total.
		expect(
			new Set(
				fromSubGoals.filter((r) => r.thin).map((r) => `${r.unitId === null ? 'all' : 'unit'}|${r.perspective === null ? 'all' : 'one'}`)
			)
		).toEqual(new Set(['unit|one', 'unit|all', 'all|one', 'all|all']));
	});

	it('stay right when many respondents of one unit submit at the same time', async () => {
		const round = await buildRound(h.db, { anonymityThreshold: 3 });
		const unitId = round.units[0].id;
		await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				h.db.transaction((tx) =>
					buildResponse(tx, { round, unitId, perspective: i % 2 ? 'staff' : 'students', answers: { [A]: 1 + (i % 4), [C]: 2 } })
				)
			)
		);
		const concurrent = await tableOf(round.id);
		expect(concurrent.find((r) => r.perspective === '*' && r.subGoalId === '1.1')?.n).toBe(12);
		await rebuildItemStats(h.db, round.id);
		expect(await tableOf(round.id)).toEqual(concurrent);
	});
});
