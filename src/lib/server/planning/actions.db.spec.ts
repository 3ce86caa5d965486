// Covers: createAction, updateAction, changeActionStatus, findActionHistory.
import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildPerson, buildRound, buildUnit } from '../../../../tests/factories';
import { assessmentCustomItems, auditEvents, planningActions, planningPlans } from '../db/schema';
import { createAction } from './create-action';
import { updateAction } from './update-action';
import { changeActionStatus } from './change-action-status';
import { findActionHistory } from './find-action-history';
import type { ActionInput } from './action-input';

const t = useTestDatabase();
const PERIOD = '2026/27';

async function setup() {
	const organizer = await buildOrganizer(t.db);
	const area = await buildUnit(t.db, { organizerId: organizer.id, kind: 'rektorsomrade', name: `Område ${Math.random()}` });
	const unitA = await buildUnit(t.db, { organizerId: organizer.id, parentId: area.id });
	const unitB = await buildUnit(t.db, { organizerId: organizer.id });
	const principalA = await buildActor(t.db, [{ role: 'principal', organizerId: organizer.id, unitId: unitA.id }]);
	const key = await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId: organizer.id, unitId: unitA.id }]);
	const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unitA.id }]);
	const leader = await buildActor(t.db, [{ role: 'leadership', organizerId: organizer.id }]);
	const input = (o: Partial<ActionInput> = {}): ActionInput => ({
		scope: unitA.id,
		title: `Fortbildning i programmering ${Math.random()}`,
		how: 'Två studiedagar',
		startsOn: '2026-08-15',
		dueOn: '2026-12-20',
		responsibleId: key.personId,
		participantIds: [teacher.personId],
		links: ['nationella-strategin:1.1'],
		hours: '16',
		moneySek: '12000',
		...o
	});
	return { organizer, area, unitA, unitB, principalA, key, teacher, leader, input };
}

const actionsOf = (organizerId: string) => t.db.select().from(planningActions).where(eq(planningActions.organizerId, organizerId));
const plansOf = (organizerId: string) => t.db.select().from(planningPlans).where(eq(planningPlans.organizerId, organizerId));

describe('creating an action', () => {
	it('makes the unit plan on first use, stores the action as planned with its history and audits both', async () => {
		const s = await setup();
		const row = await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		expect(row).toMatchObject({ status: 'planned', responsibleId: s.key.personId, hours: 16, moneySek: 12000, dueOn: '2026-12-20' });
		const plans = await plansOf(s.organizer.id);
		expect(plans).toMatchObject([{ unitId: s.unitA.id, period: PERIOD }]);
		await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		expect(await plansOf(s.organizer.id)).toHaveLength(1);
		const history = await findActionHistory(t.db, row.id);
		expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([[null, 'planned']]);
		const audits = await t.db
			.select()
			.from(auditEvents)
			.where(inArray(auditEvents.entityId, [row.id, plans[0].id]));
		expect(audits.map((a) => a.action).sort()).toEqual(['action.create', 'plan.create']);
	});

	it('refuses a due date before the start, an owner who is not a member, a link outside the framework and a unit the actor may not plan for, writing nothing', async () => {
		const s = await setup();
		const outsider = await buildPerson(t.db, { roles: [{ role: 'staff', organizerId: (await buildOrganizer(t.db)).id }] });
		const attempts: [Partial<ActionInput>, string, string][] = [
			[{ startsOn: '2026-09-01', dueOn: '2026-08-01' }, 'dueOn', 'planning_error_due_before_start'],
			[{ responsibleId: outsider.id }, 'responsibleId', 'planning_error_responsible_member'],
			[{ links: ['nationella-strategin:9.9'] }, 'links', 'planning_error_link'],
			[{ scope: s.unitB.id }, 'scope', 'planning_error_scope_not_allowed'],
			[{ scope: 'organizer' }, 'scope', 'planning_error_scope_not_allowed']
		];
		for (const [o, field, message] of attempts) {
			const e = await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input(o) }).catch(
				(x) => x
			);
			expect(e.code, field).toBe('INVALID');
			expect(e.issues).toContainEqual({ field, message });
		}
		expect(await actionsOf(s.organizer.id)).toEqual([]);
		expect(await plansOf(s.organizer.id)).toEqual([]);
	});

	it('refuses a link to an item another organizer added to its own round, and accepts the organizer’s own', async () => {
		const s = await setup();
		const other = await buildOrganizer(t.db);
		const theirs = await buildRound(t.db, { organizer: other });
		const mine = await buildRound(t.db, { organizer: s.organizer, units: [s.unitA] });
		const content = { statement: { sv: 'Egen punkt', en: 'Own item' } };
		await t.db.insert(assessmentCustomItems).values([
			{ organizerId: other.id, roundId: theirs.id, key: 'egen.deras', subGoalId: '1.1', content },
			{ organizerId: s.organizer.id, roundId: mine.id, key: 'egen.var', subGoalId: '1.1', content }
		]);
		const e = await createAction(t.db, {
			actor: s.principalA,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.input({ links: ['nationella-strategin:1.1:egen.deras'] })
		}).catch((x) => x);
		expect(e.issues).toContainEqual({ field: 'links', message: 'planning_error_link' });
		expect(await actionsOf(s.organizer.id)).toEqual([]);
		const ok = await createAction(t.db, {
			actor: s.principalA,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.input({ links: ['nationella-strategin:1.1:egen.var'] })
		});
		expect(ok.id).toBeTruthy();
	});

	it('lets an area principal plan for a unit below the area, and leadership plan for the organizer', async () => {
		const s = await setup();
		const areaPrincipal = await buildActor(t.db, [{ role: 'principal', organizerId: s.organizer.id, unitId: s.area.id }]);
		await createAction(t.db, { actor: areaPrincipal, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		await createAction(t.db, { actor: s.leader, organizerId: s.organizer.id, period: PERIOD, input: s.input({ scope: 'organizer' }) });
		expect((await plansOf(s.organizer.id)).map((p) => p.unitId).sort()).toEqual([s.unitA.id, null].sort());
	});
});

describe('changing an action', () => {
	it('keeps every status change with its note as history, and lets the responsible key person change it', async () => {
		const s = await setup();
		const row = await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		await changeActionStatus(t.db, {
			actor: s.key,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: { status: 'in_progress', note: 'Första dagen hållen' }
		});
		await changeActionStatus(t.db, {
			actor: s.principalA,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: { status: 'on_hold', note: '' }
		});
		const e = await changeActionStatus(t.db, {
			actor: s.teacher,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: { status: 'done' }
		}).catch((x) => x);
		expect(e.code).toBe('FORBIDDEN');
		const bad = await changeActionStatus(t.db, {
			actor: s.key,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: { status: 'finished' }
		}).catch((x) => x);
		expect(bad.issues).toContainEqual({ field: 'status', message: 'planning_error_status' });
		const history = await findActionHistory(t.db, row.id);
		expect(history.map((h) => [h.fromStatus, h.toStatus, h.note])).toEqual([
			[null, 'planned', ''],
			['planned', 'in_progress', 'Första dagen hållen'],
			['in_progress', 'on_hold', '']
		]);
		const [now] = await t.db.select().from(planningActions).where(eq(planningActions.id, row.id));
		expect(now.status).toBe('on_hold');
		const audits = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, row.id));
		expect(audits.filter((a) => a.action === 'action.status')).toHaveLength(2);
	});

	it('refuses to move an action to a unit the principal may not plan for, leaving it as it was', async () => {
		const s = await setup();
		const row = await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		const e = await updateAction(t.db, {
			actor: s.principalA,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: s.input({ scope: s.unitB.id, title: 'Flyttad' })
		}).catch((x) => x);
		expect(e.issues).toContainEqual({ field: 'scope', message: 'planning_error_scope_not_allowed' });
		const [after] = await t.db.select().from(planningActions).where(eq(planningActions.id, row.id));
		expect(after).toMatchObject({ planId: row.planId, title: row.title });
		expect(await plansOf(s.organizer.id)).toHaveLength(1);
		const moved = await updateAction(t.db, {
			actor: s.leader,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: s.input({ scope: s.unitB.id, title: 'Flyttad' })
		});
		expect(moved.changed).toBe(true);
		const [plan] = await t.db.select().from(planningPlans).where(eq(planningPlans.id, moved.row.planId));
		expect(plan).toMatchObject({ unitId: s.unitB.id, period: PERIOD });
	});

	it('lets nobody but the plan’s writers edit an action', async () => {
		const s = await setup();
		const row = await createAction(t.db, { actor: s.principalA, organizerId: s.organizer.id, period: PERIOD, input: s.input() });
		for (const actor of [s.key, s.teacher]) {
			const e = await updateAction(t.db, {
				actor,
				organizerId: s.organizer.id,
				actionId: row.id,
				input: s.input({ title: 'Ändrad' })
			}).catch((x) => x);
			expect(e.code).toBe('FORBIDDEN');
		}
	});
});

describe('protected identity on plans', () => {
	it('shows a protected responsible person, participant or author by pseudonym to the principal, by name to the organization administrator', async () => {
		const { getActionDetails } = await import('./get-action-details');
		const { findPlanActions } = await import('./find-plan-actions');
		const s = await setup();
		const hidden = await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId: s.organizer.id, unitId: s.unitA.id }], {
			name: 'Hemlig Nyckelperson',
			protectedIdentity: true
		});
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: s.organizer.id }]);
		const row = await createAction(t.db, {
			actor: s.principalA,
			organizerId: s.organizer.id,
			period: PERIOD,
			input: s.input({ responsibleId: hidden.personId, participantIds: [hidden.personId] })
		});
		await changeActionStatus(t.db, {
			actor: hidden,
			organizerId: s.organizer.id,
			actionId: row.id,
			input: { status: 'in_progress', note: 'Vi har börjat.' }
		});

		const asPrincipal = await getActionDetails(t.db, { actor: s.principalA, organizerId: s.organizer.id, actionId: row.id, locale: 'sv' });
		const shown = [asPrincipal.action.responsibleName, ...asPrincipal.action.participantNames, asPrincipal.history.at(-1)?.actorName];
		expect(shown.every((n) => /^Skyddad person \d+$/.test(n ?? ''))).toBe(true);
		expect(JSON.stringify(asPrincipal)).not.toContain('Hemlig');
		const list = await findPlanActions(t.db, { actor: s.principalA, organizerId: s.organizer.id, planId: row.planId });
		expect(list.map((a) => a.responsibleName)).toEqual([asPrincipal.action.responsibleName]);

		const asAdmin = await getActionDetails(t.db, { actor: admin, organizerId: s.organizer.id, actionId: row.id, locale: 'sv' });
		expect(asAdmin.action.responsibleName).toBe('Hemlig Nyckelperson');
	});
});
