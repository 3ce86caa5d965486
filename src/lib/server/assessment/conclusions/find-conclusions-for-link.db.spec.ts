// Covers: findConclusionsForLink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../../tests/db';
import { buildActor, buildOrganizer, buildRound, buildUnit } from '../../../../../tests/factories';
import { createAction } from '../../planning/create-action';
import type { DbHandle } from '../../db';
import { assessmentConclusions, assessmentLinks } from '../../db/schema';
import { findConclusionsForLink } from './find-conclusions-for-link';

let h: DbHandle;
beforeAll(async () => {
	h = await createTestDatabase();
});
afterAll(() => h.close());

const ITEM = 'ns.1-1.programmering';

async function conclude(
	round: { id: string; organizerId: string },
	unitId: string | null,
	summary: string,
	scope: { subGoalId?: string; itemKey?: string } = {}
) {
	await h.db.insert(assessmentConclusions).values({ organizerId: round.organizerId, roundId: round.id, unitId, summary, ...scope });
}

async function linkFor(round: { id: string; organizerId: string }, unitId: string) {
	const token = `token-${Math.random().toString(36).slice(2)}`;
	await h.db.insert(assessmentLinks).values({ organizerId: round.organizerId, roundId: round.id, unitId, perspective: 'students', token });
	return token;
}

/** Two units in two closed rounds of one organizer, and a third organizer-level round elsewhere. */
async function setup() {
	const organizer = await buildOrganizer(h.db);
	const unit = await buildUnit(h.db, { organizerId: organizer.id });
	const neighbour = await buildUnit(h.db, { organizerId: organizer.id });
	const round = await buildRound(h.db, { organizer, units: [unit, neighbour], closedAt: new Date() });
	const earlier = await buildRound(h.db, { organizer, units: [unit, neighbour], closedAt: new Date() });
	return { organizer, unit, neighbour, round, earlier, token: await linkFor(round, unit.id) };
}

describe('"Ni sa – vi gör" through an anonymous link', () => {
	it('shows the link’s unit’s and the organizer’s conclusions of the link’s round, with their scope', async () => {
		const s = await setup();
		await conclude(s.round, s.unit.id, 'Vi satsar på programmering.', { subGoalId: '1.1', itemKey: ITEM });
		await conclude(s.round, null, 'Gemensam fortbildning för alla skolor.', { subGoalId: '1.3' });
		const r = await findConclusionsForLink(h.db, { token: s.token });
		expect(r.round.closed).toBe(true);
		expect(r.unit.id).toBe(s.unit.id);
		expect(r.unitConclusions).toHaveLength(1);
		expect(r.unitConclusions[0]).toMatchObject({ summary: 'Vi satsar på programmering.', scope: { subGoalId: '1.1', itemKey: ITEM } });
		expect(r.unitConclusions[0].scope?.itemStatement?.sv).toBeTruthy();
		expect(r.organizerConclusions.map((c) => [c.summary, c.scope?.subGoalId, c.scope?.itemKey])).toEqual([
			['Gemensam fortbildning för alla skolor.', '1.3', null]
		]);
		expect(Object.keys(r.unitConclusions[0])).not.toContain('createdBy');
	});

	it('shows with each conclusion the actions planned from it — what, status and due date, never who', async () => {
		const s = await setup();
		await conclude(s.round, s.unit.id, 'Vi satsar på programmering.', { itemKey: ITEM });
		await conclude(s.round, s.unit.id, 'Mer stöd i 2.1.', { subGoalId: '2.1' });
		const leader = await buildActor(h.db, [{ role: 'leadership', organizerId: s.organizer.id }]);
		const plan = (scope: string, title: string, links: string[]) =>
			createAction(h.db, {
				actor: leader,
				organizerId: s.organizer.id,
				period: '2026/27',
				input: { scope, title, responsibleId: leader.personId, links, dueOn: '2027-03-01' }
			});
		await plan(s.unit.id, 'Programmeringsverkstad', [`nationella-strategin:1.1:${ITEM}`]);
		await plan(s.unit.id, 'Hela 1.1', ['nationella-strategin:1.1']);
		// Another unit's action and an action for another sub-goal do not follow the conclusion.
		await plan(s.neighbour.id, 'Grannens verkstad', [`nationella-strategin:1.1:${ITEM}`]);
		await plan(s.unit.id, 'Skrivare', ['nationella-strategin:3.1']);
		const r = await findConclusionsForLink(h.db, { token: s.token });
		const byText = Object.fromEntries(r.unitConclusions.map((c) => [c.summary, c.actions]));
		expect(byText['Vi satsar på programmering.'].map((a) => a.title).sort()).toEqual(['Hela 1.1', 'Programmeringsverkstad']);
		expect(byText['Vi satsar på programmering.'][0]).toEqual({
			id: expect.any(String),
			title: expect.any(String),
			status: 'planned',
			dueOn: '2027-03-01',
			period: '2026/27'
		});
		expect(byText['Mer stöd i 2.1.']).toEqual([]);
	});

	it('never shows another unit’s conclusions, nor those of another round or another organizer', async () => {
		const s = await setup();
		await conclude(s.round, s.neighbour.id, 'Grannskolans slutsats');
		await conclude(s.earlier, s.unit.id, 'Förra årets slutsats för enheten');
		await conclude(s.earlier, null, 'Förra årets slutsats för huvudmannen');
		const other = await buildRound(h.db, { closedAt: new Date() });
		await conclude(other, null, 'En annan huvudmans slutsats');
		const r = await findConclusionsForLink(h.db, { token: s.token });
		expect(r.unitConclusions).toEqual([]);
		expect(r.organizerConclusions).toEqual([]);
	});

	it('shows nothing while the round is still open', async () => {
		const organizer = await buildOrganizer(h.db);
		const unit = await buildUnit(h.db, { organizerId: organizer.id });
		const round = await buildRound(h.db, { organizer, units: [unit] });
		await conclude(round, unit.id, 'Skrivet i förväg');
		const r = await findConclusionsForLink(h.db, { token: await linkFor(round, unit.id) });
		expect(r.round.closed).toBe(false);
		expect(r.unitConclusions).toEqual([]);
	});

	it('refuses an unknown, tampered, empty or overlong token with NOT_FOUND', async () => {
		const s = await setup();
		for (const token of ['finns-inte', s.token + 'x', '', 'x'.repeat(500)]) {
			expect((await findConclusionsForLink(h.db, { token }).catch((e) => e)).code).toBe('NOT_FOUND');
		}
	});
});
