// Covers: readRoundFigures, storeRoundFigures, markRoundFiguresChanged (decision 074), closeRound's stored figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../../tests/db';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../../tests/factories';
import type { DbHandle } from '../../../db';
import { assessmentRoundFigures, assessmentRounds } from '../../../db/schema';
import { computeOrganizerReport } from '../compute-organizer-report';
import { rebuildItemStats } from '../item-stats';
import { recordConsensus } from '../../consensus/record-consensus';
import { closeRound } from '../../rounds/close-round';
import { readRoundFigures } from './read-round-figures';
import { roundFiguresOf } from './round-figures-of';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';

/** Four units, k = 5: unit A has two students only (a small group), B, C and D enough to show (one may be hidden to protect A). */
async function setup(dates: { opensOn: string; closesOn: string }) {
	const organizer = await buildOrganizer(h.db);
	const units = [];
	for (const name of ['A', 'B', 'C', 'D']) units.push(await buildUnit(h.db, { organizerId: organizer.id, name }));
	const round = await buildRound(h.db, { organizer, units, anonymityThreshold: 5, ...dates });
	const [a, b, c, d] = units;
	for (const level of [1, 1]) await buildResponse(h.db, { round, unitId: a.id, perspective: 'students', answers: { [ITEM]: level } });
	for (const [unit, levels] of [
		[b, [3, 4, 3, 2, 4, 3]],
		[c, [2, 2, 3, 4, 1, 2, 3]],
		[d, [4, 4, 3, 4, 2, 3, 4, 4]]
	] as const)
		for (const level of levels) await buildResponse(h.db, { round, unitId: unit.id, perspective: 'students', answers: { [ITEM]: level } });
	const admin = await buildActor(h.db, [{ role: 'org_admin', organizerId: organizer.id }]);
	const principal = await buildActor(h.db, [{ role: 'principal', organizerId: organizer.id, unitId: a.id }]);
	const scope = { organizerId: organizer.id, roundId: round.id };
	const fresh = async () => roundFiguresOf(await computeOrganizerReport(h.db, { actor: admin, ...scope }));
	const stored = async () =>
		(await h.db.select().from(assessmentRoundFigures).where(eq(assessmentRoundFigures.roundId, round.id)))[0] ?? null;
	const version = async () =>
		(await h.db.select({ v: assessmentRounds.figuresVersion }).from(assessmentRounds).where(eq(assessmentRounds.id, round.id)))[0].v;
	const means: Record<string, number> = { [b.id]: 19 / 6, [c.id]: 17 / 7, [d.id]: 28 / 8 };
	return { organizer, round, a, b, c, d, means, admin, principal, scope, fresh, stored, version };
}

describe('stored figures of a closed round', () => {
	it('are stored on first read, equal to the freshly computed report figures, the small group hidden as the report hides it', async () => {
		const s = await setup({ opensOn: '2025-09-01', closesOn: '2025-10-01' });
		const first = await readRoundFigures(h.db, s.scope);
		const expected = await s.fresh();
		expect(first).toEqual(expected);
		const row = await s.stored();
		expect(row).not.toBeNull();
		expect(row!.version).toBe(await s.version());
		expect(row!.figures).toEqual(expected);

		// Unit A's two answers are not shown, stored or not: no mean, and the reason.
		expect(first.subGoals['1.1'].units[s.a.id]).toEqual({ value: null, source: null, why: 'few' });
		const shown = [s.b, s.c, s.d].filter((u) => first.subGoals['1.1'].units[u.id].source === 'answers');
		expect(shown.length).toBeGreaterThan(0);
		for (const u of shown) expect(first.subGoals['1.1'].units[u.id].value).toBe(s.means[u.id]);
		// Only what the report shows per sub-goal: no perspective cells, no single answer.
		expect(Object.keys(first.subGoals['1.1']).sort()).toEqual(['organizer', 'spread', 'units']);
		expect(JSON.stringify(row!.figures)).not.toContain('students');

		// The second read is the stored row, unchanged.
		expect(await readRoundFigures(h.db, s.scope)).toEqual(expected);
		expect((await s.stored())!.computedAt).toEqual(row!.computedAt);
	});

	it('are computed again after an agreed level is recorded for the closed round', async () => {
		const s = await setup({ opensOn: '2025-09-01', closesOn: '2025-10-01' });
		await readRoundFigures(h.db, s.scope);
		const before = await s.version();

		await recordConsensus(h.db, {
			actor: s.principal,
			organizerId: s.organizer.id,
			roundId: s.round.id,
			unitId: s.a.id,
			entries: [{ itemKey: ITEM, value: '3', evidence: '', note: '' }]
		});
		expect(await s.version()).toBe(before + 1);
		const after = await readRoundFigures(h.db, s.scope);
		expect(after.subGoals['1.1'].units[s.a.id]).toEqual({ value: 3, source: 'decided', why: 'few' });
		expect(after).toEqual(await s.fresh());
		expect((await s.stored())!.version).toBe(before + 1);
		expect((await s.stored())!.figures).toEqual(after);
	});

	it('are computed again after the round’s sums are rebuilt with an answer added', async () => {
		const s = await setup({ opensOn: '2025-09-01', closesOn: '2025-10-01' });
		const first = await readRoundFigures(h.db, s.scope);
		await buildResponse(h.db, { round: s.round, unitId: s.d.id, perspective: 'students', answers: { [ITEM]: 4 }, submitted: false });
		// A repair: the answer counted by rebuilding the round's sums (as bulk loads do), not by submitting it.
		await h.db.execute(sql`UPDATE assessment_responses SET submitted_at = now() WHERE round_id = ${s.round.id} AND submitted_at IS NULL`);
		await rebuildItemStats(h.db, s.round.id);
		const after = await readRoundFigures(h.db, s.scope);
		expect(after).not.toEqual(first);
		expect(after).toEqual(await s.fresh());
		expect(after.subGoals['1.1'].organizer.n).toBe((first.subGoals['1.1'].organizer.n ?? 0) + 1);
	});

	it('are not stored while the round is open, and are stored when it is closed by hand', async () => {
		const s = await setup({ opensOn: '2025-09-01', closesOn: '2099-12-31' });
		const open = await readRoundFigures(h.db, s.scope);
		// An open round's means are hidden (decision 014), and nothing is stored.
		expect(open.subGoals['1.1'].units[s.b.id]).toEqual({ value: null, source: null, why: 'closed' });
		expect(await s.stored()).toBeNull();

		await closeRound(h.db, { actor: s.admin, organizerId: s.organizer.id, roundId: s.round.id });
		const row = await s.stored();
		expect(row).not.toBeNull();
		expect(row!.figures).toEqual(await s.fresh());
		expect(Object.values((row!.figures as typeof open).subGoals['1.1'].units).some((v) => v.source === 'answers')).toBe(true);
	});
});
