// Covers: createAction, rollUpPlans, saveGoal.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../tests/factories';
import { createAction } from './create-action';
import { rollUpPlans } from './roll-up-plans';
import { saveGoal } from './vision/save-goal';

const t = useTestDatabase();
const PERIOD = '2025/26';
const STAFF_ITEM_1_1 = 'ns.1-1.amnesdidaktisk-anvandning';
const SG_1_1 = 'nationella-strategin:1.1';

/** Two units in a closed round: Ekskolan weak on 1.1 (mean 1.5), Björkskolan strong (mean 4). */
async function setup() {
	const organizer = await buildOrganizer(t.db);
	const weak = await buildUnit(t.db, { organizerId: organizer.id, name: 'Ekskolan' });
	const strong = await buildUnit(t.db, { organizerId: organizer.id, name: 'Björkskolan' });
	const round = await buildRound(t.db, { organizer, units: [weak, strong], anonymityThreshold: 2, closedAt: new Date() });
	for (const level of [1, 2])
		await buildResponse(t.db, { round, unitId: weak.id, perspective: 'staff', answers: { [STAFF_ITEM_1_1]: level } });
	for (const level of [4, 4])
		await buildResponse(t.db, { round, unitId: strong.id, perspective: 'staff', answers: { [STAFF_ITEM_1_1]: level } });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
	return {
		organizer,
		weak,
		strong,
		leader: await on('leadership'),
		principalStrong: await on('principal', strong.id),
		politician: await on('reader')
	};
}

const row = (r: Awaited<ReturnType<typeof rollUpPlans>>, value: string) => r.rows.find((x) => x.value === value)!;

describe('rolling the plans up by sub-goal', () => {
	it('points out a weak sub-goal that the unit does not plan for, and stops once it does', async () => {
		const s = await setup();
		const base = { organizerId: s.organizer.id, period: PERIOD };
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.strong.id, title: 'Fortbildning', responsibleId: s.leader.personId, links: [SG_1_1] }
		});

		let r = await rollUpPlans(t.db, { ...base, actor: s.leader });
		expect(r.round).not.toBeNull();
		expect(row(r, SG_1_1)).toMatchObject({ total: 1, organizerActions: 0, units: [{ unitId: s.strong.id, actions: 1 }] });
		expect(row(r, SG_1_1).gaps).toEqual([{ unitId: s.weak.id, unitName: 'Ekskolan', mean: 1.5, canPlan: true }]);
		expect(row(r, SG_1_1).organizerMean).toBe(11 / 4);
		expect(r.unitsWithoutActions.map((u) => u.unitName)).toEqual(['Ekskolan']);
		// A sub-goal with nobody planning is listed with zero actions.
		expect(row(r, 'nationella-strategin:2.1')).toMatchObject({ total: 0, gaps: [] });

		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Kollegialt lärande', responsibleId: s.leader.personId, links: [`${SG_1_1}:${STAFF_ITEM_1_1}`] }
		});
		r = await rollUpPlans(t.db, { ...base, actor: s.leader });
		expect(row(r, SG_1_1).gaps).toEqual([]);
		expect(row(r, SG_1_1).total).toBe(2);
		expect(r.unitsWithoutActions).toEqual([]);
	});

	it('counts only the plans the actor may read, and shows gaps only to those who read the organizer report', async () => {
		const s = await setup();
		const base = { organizerId: s.organizer.id, period: PERIOD };
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Ny plattform', responsibleId: s.leader.personId, links: [SG_1_1] }
		});
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: 'organizer', title: 'Strategi', responsibleId: s.leader.personId, links: [SG_1_1] }
		});

		const principal = await rollUpPlans(t.db, { ...base, actor: s.principalStrong });
		expect(principal.round).toBeNull();
		expect(row(principal, SG_1_1)).toMatchObject({ total: 1, organizerActions: 1, units: [] });
		expect(row(principal, SG_1_1).gaps).toEqual([]);

		const politician = await rollUpPlans(t.db, { ...base, actor: s.politician });
		expect(politician.round).not.toBeNull();
		// A reader reads the organizer plan only, so the unit's action is not counted.
		expect(row(politician, SG_1_1)).toMatchObject({ total: 1, organizerActions: 1 });
	});

	it('rolls the plans up by strategic goal, counting only readable plans and keeping goals nothing serves', async () => {
		const s = await setup();
		const base = { organizerId: s.organizer.id, period: PERIOD };
		const served = await saveGoal(t.db, {
			...base,
			actor: s.leader,
			input: { title: 'Alla elever når digital kompetens', subGoals: [SG_1_1] }
		});
		await saveGoal(t.db, { ...base, actor: s.leader, input: { title: 'Trygg teknik', subGoals: ['nationella-strategin:2.1'] } });
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Fortbildning', responsibleId: s.leader.personId, goalId: served.id }
		});
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: {
				scope: s.strong.id,
				title: 'Kodning',
				responsibleId: s.leader.personId,
				goalId: served.id,
				dueOn: '2020-01-01',
				startsOn: '2019-12-01'
			}
		});
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: 'organizer', title: 'Strategi', responsibleId: s.leader.personId, goalId: served.id }
		});
		// Another läsår does not count.
		await createAction(t.db, {
			organizerId: s.organizer.id,
			period: '2024/25',
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Gammal', responsibleId: s.leader.personId, goalId: served.id }
		});

		const leader = await rollUpPlans(t.db, { ...base, actor: s.leader });
		expect(leader.goals.map((g) => g.title)).toEqual(['Alla elever når digital kompetens', 'Trygg teknik']);
		expect(leader.goals[0]).toMatchObject({ total: 3, units: 2, organizerActions: 1, overdue: 1 });
		expect(leader.goals[1]).toMatchObject({ total: 0, units: 0, overdue: 0 });

		const principal = await rollUpPlans(t.db, { ...base, actor: s.principalStrong });
		expect(principal.goals[0]).toMatchObject({ total: 2, units: 1, organizerActions: 1 });
	});

	it('points out, per strategic goal, a unit weak in its sub-goals that plans nothing for it', async () => {
		const s = await setup();
		const base = { organizerId: s.organizer.id, period: PERIOD };
		const goal = await saveGoal(t.db, { ...base, actor: s.leader, input: { title: 'Digital kompetens', subGoals: [SG_1_1] } });
		await saveGoal(t.db, { ...base, actor: s.leader, input: { title: 'Trygg teknik', subGoals: ['nationella-strategin:2.1'] } });

		let r = await rollUpPlans(t.db, { ...base, actor: s.leader });
		expect(r.goals[0].subGoalIds).toEqual(['1.1']);
		expect(r.goals[0].gaps).toEqual([
			{ unitId: s.weak.id, unitName: 'Ekskolan', weak: [{ subGoalId: '1.1', value: SG_1_1, mean: 1.5 }], canPlan: true }
		]);
		// Nobody is weak in 2.1 (no answers), so that goal has no gap.
		expect(r.goals[1].gaps).toEqual([]);
		// A principal does not read the organizer report: no gaps at all.
		expect((await rollUpPlans(t.db, { ...base, actor: s.principalStrong })).goals[0].gaps).toEqual([]);

		// An action at the unit that serves the goal closes the gap, even without a sub-goal link.
		const served = await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Fortbildning', responsibleId: s.leader.personId, goalId: goal.id }
		});
		expect(served.id).toBeTruthy();
		r = await rollUpPlans(t.db, { ...base, actor: s.leader });
		expect(r.goals[0].gaps).toEqual([]);
	});

	it('counts an action linked to one of the goal sub-goals as planning for the goal', async () => {
		const s = await setup();
		const base = { organizerId: s.organizer.id, period: PERIOD };
		await saveGoal(t.db, { ...base, actor: s.leader, input: { title: 'Digital kompetens', subGoals: [SG_1_1] } });
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: 'organizer', title: 'Strategi', responsibleId: s.leader.personId, links: [SG_1_1] }
		});
		// An organizer action does not close a unit's gap.
		expect((await rollUpPlans(t.db, { ...base, actor: s.leader })).goals[0].gaps.map((g) => g.unitName)).toEqual(['Ekskolan']);
		await createAction(t.db, {
			...base,
			actor: s.leader,
			input: { scope: s.weak.id, title: 'Kollegialt lärande', responsibleId: s.leader.personId, links: [`${SG_1_1}:${STAFF_ITEM_1_1}`] }
		});
		expect((await rollUpPlans(t.db, { ...base, actor: s.leader })).goals[0].gaps).toEqual([]);
	});

	it('refuses those who see nothing of planning', async () => {
		const s = await setup();
		const supplier = await buildActor(t.db, [{ role: 'supplier', organizerId: s.organizer.id }]);
		expect((await rollUpPlans(t.db, { actor: supplier, organizerId: s.organizer.id, period: PERIOD }).catch((e) => e)).code).toBe(
			'FORBIDDEN'
		);
	});
});
