// Covers: createAction, changeActionStatus, getPlanningStart, periodBounds, periodOf.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildUnit } from '../../../../tests/factories';
import { createAction } from './create-action';
import { changeActionStatus } from './change-action-status';
import { getPlanningStart } from './get-planning-start';
import { periodBounds, periodOf } from './period';

const t = useTestDatabase();

describe('the start page’s planning overview', () => {
	it('shows a principal the state of the plans they write and their own open actions, soonest due first', async () => {
		const organizer = await buildOrganizer(t.db);
		const [late, calm] = [await buildUnit(t.db, { organizerId: organizer.id }), await buildUnit(t.db, { organizerId: organizer.id })];
		const principal = await buildActor(t.db, [
			{ role: 'principal', organizerId: organizer.id, unitId: late.id },
			{ role: 'principal', organizerId: organizer.id, unitId: calm.id }
		]);
		const { from, to } = periodBounds(periodOf());
		const base = { actor: principal, organizerId: organizer.id };
		// Due on the läsår's first day: overdue from the second day on (the tests never run on 1 July).
		await createAction(t.db, {
			...base,
			input: { scope: late.id, title: 'Sen aktivitet', responsibleId: principal.personId, startsOn: from, dueOn: from }
		});
		const paused = await createAction(t.db, {
			...base,
			input: { scope: calm.id, title: 'Pausad aktivitet', responsibleId: principal.personId, dueOn: to }
		});
		await changeActionStatus(t.db, { ...base, actionId: paused.id, input: { status: 'on_hold', note: 'Väntar' } });

		const start = (await getPlanningStart(t.db, base))!;
		const state = Object.fromEntries(start.plans.map((p) => [p.name, p.state]));
		expect(state[late.name]).toBe('overdue');
		expect(state[calm.name]).toBe('on_hold');
		expect(start.myActions.map((a) => [a.title, a.overdue])).toEqual([
			['Sen aktivitet', true],
			['Pausad aktivitet', false]
		]);
		expect(start.meetings).toEqual([]);
	});

	it('gives those outside planning nothing', async () => {
		const organizer = await buildOrganizer(t.db);
		const supplier = await buildActor(t.db, [{ role: 'supplier', organizerId: organizer.id }]);
		expect(await getPlanningStart(t.db, { actor: supplier, organizerId: organizer.id })).toBeNull();
	});
});
