import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildResponse, buildRound, buildUnit } from '../../../../../tests/factories';
import { callApi } from '../../../../../tests/api-request';
import { computeOrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { createAction } from '../../planning/create-action';
import { periodOf } from '../../planning/period';
import { createApiToken } from './tokens/create-api-token';
import * as roundsRoute from '../../../../routes/api/v1/assessment/rounds/+server';
import * as resultsRoute from '../../../../routes/api/v1/assessment/rounds/[roundId]/results/+server';
import * as plansRoute from '../../../../routes/api/v1/plans/+server';
import * as actionsRoute from '../../../../routes/api/v1/plans/[planId]/actions/+server';

const t = useTestDatabase();
const STAFF_ITEM = 'ns.1-1.amnesdidaktisk-anvandning';

describe('API self-assessment results', () => {
	it('gives exactly the organizer report’s figures, hidden below the anonymity threshold, and 404 for another organizer’s round', async () => {
		const organizer = await buildOrganizer(t.db);
		const [big, small] = [await buildUnit(t.db, { organizerId: organizer.id }), await buildUnit(t.db, { organizerId: organizer.id })];
		const round = await buildRound(t.db, { organizer, units: [big, small], anonymityThreshold: 3, closedAt: new Date() });
		for (const level of [1, 2, 3, 4])
			await buildResponse(t.db, { round, unitId: big.id, perspective: 'staff', answers: { [STAFF_ITEM]: level } });
		await buildResponse(t.db, { round, unitId: small.id, perspective: 'staff', answers: { [STAFF_ITEM]: 4 } });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		const { secret } = await createApiToken(t.db, {
			actor: admin,
			organizerId: organizer.id,
			kind: 'personal',
			input: { name: 'Rapport', lifetimeDays: 30, assessment: 'read' }
		});
		const listed = await callApi(t.db, roundsRoute.GET, { path: '/assessment/rounds', token: secret });
		expect(listed.body!.items!.map((r) => r.id)).toContain(round.id);
		const res = await callApi(t.db, resultsRoute.GET, {
			path: `/assessment/rounds/${round.id}/results`,
			params: { roundId: round.id },
			token: secret
		});
		expect(res.status).toBe(200);
		const report = await computeOrganizerReport(t.db, { actor: admin, organizerId: organizer.id, roundId: round.id });
		expect(res.body!.respondents).toEqual(report.respondents);
		const respondents = res.body!.respondents as Record<string, Record<string, number | null>>;
		expect(respondents[small.id].staff).toBeNull();
		const values = Object.values(res.body!.unitValues as Record<string, Record<string, { value: number | null; why: string | null }>>);
		expect(values.some((byUnit) => byUnit[small.id]?.value === null && byUnit[small.id]?.why !== null)).toBe(true);
		expect(JSON.stringify(res.body)).not.toMatch(/"mean"|"sd"/);

		const other = await buildRound(t.db, { anonymityThreshold: 3 });
		const foreign = await callApi(t.db, resultsRoute.GET, {
			path: `/assessment/rounds/${other.id}/results`,
			params: { roundId: other.id },
			token: secret
		});
		expect(foreign.status).toBe(404);
	});

	it('refuses the organizer results to someone who does not read the organizer report, as the report page does', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const round = await buildRound(t.db, { organizer, units: [unit] });
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const { secret } = await createApiToken(t.db, {
			actor: staff,
			organizerId: organizer.id,
			kind: 'personal',
			input: { name: 'Rapport', lifetimeDays: 30, assessment: 'read' }
		});
		const res = await callApi(t.db, resultsRoute.GET, {
			path: `/assessment/rounds/${round.id}/results`,
			params: { roundId: round.id },
			token: secret
		});
		expect(res.status).toBe(403);
	});
});

describe('API plans', () => {
	it('lists the plans of the year and a plan’s actions, and 404 for another organizer’s plan', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const admin = await buildActor(t.db, [{ role: 'org_admin', organizerId: organizer.id }]);
		await createAction(t.db, {
			actor: admin,
			organizerId: organizer.id,
			input: { scope: unit.id, title: 'Fortbildning i källkritik', responsibleId: admin.personId }
		} as never);
		const { secret } = await createApiToken(t.db, {
			actor: admin,
			organizerId: organizer.id,
			kind: 'organizer',
			input: { name: 'Plan', lifetimeDays: 30, planning: 'read' }
		});
		const plans = await callApi(t.db, plansRoute.GET, { path: '/plans', token: secret });
		expect(plans.status).toBe(200);
		expect(plans.body!.period).toBe(periodOf());
		const plan = plans.body!.items!.find((p) => p.planId && (p.total as number) > 0);
		expect(plan).toBeDefined();
		const planId = plan!.planId as string;
		const actions = await callApi(t.db, actionsRoute.GET, { path: `/plans/${planId}/actions`, params: { planId }, token: secret });
		expect(actions.body!.items!.map((a) => a.title)).toEqual(['Fortbildning i källkritik']);

		const other = await buildOrganizer(t.db);
		const otherAdmin = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		const { secret: otherSecret } = await createApiToken(t.db, {
			actor: otherAdmin,
			organizerId: other.id,
			kind: 'organizer',
			input: { name: 'Plan', lifetimeDays: 30, planning: 'read' }
		});
		const foreign = await callApi(t.db, actionsRoute.GET, { path: `/plans/${planId}/actions`, params: { planId }, token: otherSecret });
		expect(foreign.status).toBe(404);
		const badPeriod = await callApi(t.db, plansRoute.GET, { path: '/plans?period=2026', token: secret });
		expect(badPeriod.status).toBe(400);
	});
});
