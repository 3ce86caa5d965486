// Covers: buildOrganizerReport, computeSubGoalReport, fetchRespondentCounts.
/**
 * Decision 028 on realistic data: the demo's rounds (1–2 leaders and 1–2 key people per unit, a handful of
 * staff and students, 55 % answered in the current round). The default view must have a value in most
 * unit × sub-goal cells and the equity table a spread for every sub-goal, while no shown figure rests on
 * fewer than k respondents and no shown total gives away a small hidden group.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../../../tests/db';
import type { DbHandle } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { loadDemo } from '../../demo/load-demo';
import { buildOrganizerReport, type OrganizerReport } from './compute-organizer-report';
import { computeSubGoalReport } from './compute-sub-goal-report';
import { fetchRespondentCounts } from './report-queries';
import { TOTAL } from './suppress';
import { buildActor } from '../../../../../tests/factories';

let h: DbHandle;
let rounds: (typeof assessmentRounds.$inferSelect)[];
beforeAll(async () => {
	h = await createTestDatabase();
	await loadDemo(h.db);
	rounds = await h.db.select().from(assessmentRounds).orderBy(asc(assessmentRounds.opensOn));
}, 180_000);
afterAll(() => h.close());

function shareWithValue(report: OrganizerReport) {
	const cells = report.subGoals.flatMap((sg) => report.units.map((u) => report.unitValues[sg.id][u.id]));
	return cells.filter((c) => c.value !== null).length / cells.length;
}

/** Every shown pooled value rests on at least k respondents, and the hidden part of a shown unit total is 0 or ≥ k. */
async function expectPooledSafe(report: OrganizerReport, organizerId: string) {
	const k = report.round.threshold;
	const counts = await fetchRespondentCounts(h.db, { organizerId, roundId: report.round.id });
	for (const sg of report.subGoals) {
		for (const u of report.units) {
			const f = report.figures[sg.id][u.id][TOTAL];
			if (!f.shown) continue;
			const mine = counts.filter((c) => c.unitId === u.id && sg.perspectives.includes(c.perspective));
			expect(mine.reduce((n, c) => n + c.count, 0)).toBeGreaterThanOrEqual(k);
			const hiddenRest = mine.filter((c) => report.figures[sg.id][u.id][c.perspective].suppressed).reduce((n, c) => n + c.count, 0);
			expect(hiddenRest === 0 || hiddenRest >= k, `${u.id} ${sg.id} leaves ${hiddenRest}`).toBe(true);
		}
	}
}

describe('the organizer report on the demo data (decision 028)', () => {
	it('shows a value in most unit × sub-goal cells of the last closed round and a spread for every sub-goal', async () => {
		const last = rounds[1];
		const report = await buildOrganizerReport(h.db, { organizerId: last.organizerId, roundId: last.id });
		expect(report.round.published).toBe(true);
		expect(shareWithValue(report)).toBeGreaterThan(0.9);
		// The answers themselves fill most of the view; sub-goals only leaders and key people answer (3–4 a unit) show agreed levels.
		const values = report.subGoals.flatMap((sg) => report.units.map((u) => ({ sg, v: report.unitValues[sg.id][u.id] })));
		expect(values.filter(({ v }) => v.source === 'answers').length).toBeGreaterThanOrEqual(0.75 * values.length);
		for (const { sg, v } of values)
			if (v.source !== 'answers')
				expect(
					sg.perspectives.some((p) => p === 'staff' || p === 'students'),
					sg.id
				).toBe(false);
		expect(values.filter(({ v }) => v.source === 'decided').every(({ v }) => v.why === 'few')).toBe(true);
		for (const sg of report.subGoals) {
			expect(report.equity[sg.id].answers, sg.id).not.toBeNull();
			expect(report.equity[sg.id].counted.answers).toBeGreaterThanOrEqual(report.units.length - 2);
			expect(report.equity[sg.id].answers!.range).toBeGreaterThan(0);
		}
		// The small perspectives stay hidden, and say why.
		const leaders = report.units.map((u) => report.figures[report.subGoals[0].id][u.id].leadership);
		expect(leaders.every((f) => f.suppressed && f.why === 'few')).toBe(true);
		await expectPooledSafe(report, last.organizerId);
	}, 60_000);

	it('does the same for the current round at its response rates once it has closed; before that it says the values wait for the close', async () => {
		const current = rounds[2];
		const open = await buildOrganizerReport(h.db, { organizerId: current.organizerId, roundId: current.id });
		expect(open.round.published).toBe(false);
		expect(
			Object.values(open.unitValues)
				.flatMap((byUnit) => Object.values(byUnit))
				.every((v) => v.value === null && v.why === 'closed')
		).toBe(true);

		await h.db.update(assessmentRounds).set({ closedAt: new Date() }).where(eq(assessmentRounds.id, current.id));
		const closed = await buildOrganizerReport(h.db, { organizerId: current.organizerId, roundId: current.id });
		expect(shareWithValue(closed)).toBeGreaterThanOrEqual(0.75);
		// No unit has agreed yet, so only sub-goals staff or students answer can show a value: each of them gets a spread.
		for (const sg of closed.subGoals) {
			if (sg.perspectives.some((p) => p === 'staff' || p === 'students')) expect(closed.equity[sg.id].answers, sg.id).not.toBeNull();
		}
		await expectPooledSafe(closed, current.organizerId);
	}, 60_000);

	it("hides a unit's item means in the drill-down where one item rests on fewer than k answers, while its pooled value shows", async () => {
		const last = rounds[1];
		const report = await buildOrganizerReport(h.db, { organizerId: last.organizerId, roundId: last.id });
		const actor = await buildActor(h.db, [{ role: 'org_admin', organizerId: last.organizerId }]);
		let checked = 0;
		for (const sg of report.subGoals) {
			const drill = await computeSubGoalReport(h.db, { actor, organizerId: last.organizerId, roundId: last.id, subGoalId: sg.id });
			for (const u of report.units) {
				const shownItems = drill.items.filter((i) => i.units[u.id].shown);
				// An item answered by leaders only has 1–2 answers per unit: then no item mean of that unit is shown.
				const thin = drill.items.some((i) => !i.units[u.id].shown);
				if (thin) expect(shownItems).toEqual([]);
				if (thin && report.unitValues[sg.id][u.id].source === 'answers') checked++;
			}
		}
		expect(checked).toBeGreaterThan(0);
	}, 120_000);
});
