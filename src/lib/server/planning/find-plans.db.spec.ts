// Covers: createAction, findPlans, getPlan, findPlanActions.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { createAction } from './create-action';
import { findPlans } from './find-plans';
import { getPlan } from './get-plan';
import { findPlanActions } from './find-plan-actions';

const t = useTestDatabase();
const PERIOD = '2025/26';

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const unitA = await buildUnit(t.db, { organizerId: organizer.id });
	const unitB = await buildUnit(t.db, { organizerId: organizer.id });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId: organizer.id, unitId }]);
	const s = {
		organizer,
		unitA,
		unitB,
		leader: await on('leadership'),
		principalA: await on('principal', unitA.id),
		principalB: await on('principal', unitB.id),
		teacherA: await on('staff', unitA.id),
		politician: await on('reader'),
		supplier: await on('supplier'),
		student: await on('student', unitA.id)
	};
	const base = { organizerId: organizer.id, period: PERIOD };
	// Past due on purpose: the overview counts it as overdue.
	await createAction(t.db, {
		...base,
		actor: s.principalA,
		input: { scope: unitA.id, title: 'Ny lärplattform', responsibleId: s.principalA.personId, startsOn: '2025-08-01', dueOn: '2025-09-01' }
	});
	await createAction(t.db, {
		...base,
		actor: s.principalB,
		input: { scope: unitB.id, title: 'Elevdatorer', responsibleId: s.principalB.personId }
	});
	await createAction(t.db, {
		...base,
		actor: s.leader,
		input: { scope: 'organizer', title: 'Gemensam strategi', responsibleId: s.leader.personId }
	});
	return s;
}

const planIds = async (s: Awaited<ReturnType<typeof setup>>, actor: typeof s.leader) =>
	Object.fromEntries(
		(await findPlans(t.db, { actor, organizerId: s.organizer.id, period: PERIOD })).map((p) => [
			p.scope,
			{ planId: p.planId, write: p.canWrite, total: p.total, overdue: p.overdue }
		])
	);

describe('who sees and writes which plan', () => {
	it('gives leadership every plan to read and write, with counts and overdue actions', async () => {
		const s = await setup();
		const seen = await planIds(s, s.leader);
		expect(Object.keys(seen).sort()).toEqual(['organizer', s.unitA.id, s.unitB.id].sort());
		expect(Object.values(seen).every((p) => p.write)).toBe(true);
		expect(seen[s.unitA.id]).toMatchObject({ total: 1, overdue: 1 });
		expect(seen[s.unitB.id]).toMatchObject({ total: 1, overdue: 0 });
	});

	it('lets a principal write their unit plan, read the organizer plan and see nothing of another unit’s', async () => {
		const s = await setup();
		const seen = await planIds(s, s.principalA);
		expect(Object.keys(seen).sort()).toEqual(['organizer', s.unitA.id].sort());
		expect(seen[s.unitA.id].write).toBe(true);
		expect(seen.organizer.write).toBe(false);
		const all = await planIds(s, s.leader);
		const e = await getPlan(t.db, { actor: s.principalA, organizerId: s.organizer.id, planId: all[s.unitB.id].planId! }).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
	});

	it('lets a reader read the organizer plan only, and staff their own unit plan', async () => {
		const s = await setup();
		expect(Object.keys(await planIds(s, s.politician))).toEqual(['organizer']);
		const teacher = await planIds(s, s.teacherA);
		expect(Object.keys(teacher).sort()).toEqual(['organizer', s.unitA.id].sort());
		expect(Object.values(teacher).some((p) => p.write)).toBe(false);
		const plan = await getPlan(t.db, { actor: s.teacherA, organizerId: s.organizer.id, planId: teacher[s.unitA.id].planId! });
		expect(
			(await findPlanActions(t.db, { actor: s.teacherA, organizerId: s.organizer.id, planId: plan.id })).map((a) => [a.title, a.overdue])
		).toEqual([['Ny lärplattform', true]]);
	});

	it('shows suppliers and students nothing of planning', async () => {
		const s = await setup();
		const all = await planIds(s, s.leader);
		for (const actor of [s.supplier, s.student]) {
			expect((await findPlans(t.db, { actor, organizerId: s.organizer.id, period: PERIOD }).catch((x) => x)).code).toBe('FORBIDDEN');
			expect((await getPlan(t.db, { actor, organizerId: s.organizer.id, planId: all.organizer.planId! }).catch((x) => x)).code).toBe(
				'FORBIDDEN'
			);
		}
	});
});
