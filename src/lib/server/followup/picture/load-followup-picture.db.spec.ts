// Covers: loadFollowupPicture, loadUnitEvidence, countDaysWithout, supportTotals.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import {
	buildActor,
	buildArticle,
	buildOrganizer,
	buildResponse,
	buildRound,
	buildTicket,
	buildTool,
	buildUnit
} from '../../../../../tests/factories';
import { appRequests, kbDeflections } from '../../db/schema';
import { isAppError } from '../../errors';
import { todayInStockholm } from '../../auth/load-actor';
import { schoolYearOf } from '../../support/followup/school-years';
import { computeOrganizerReport } from '../../assessment/reports/compute-organizer-report';
import { computeAreaReport } from '../../assessment/reports/area/compute-area-report';
import { TOTAL } from '../../assessment/reports/suppress';
import { createAction } from '../../planning/create-action';
import { rollUpPlans } from '../../planning/roll-up-plans';
import { periodOf } from '../../planning/period';
import { createChain } from '../../planning/effects/create-chain';
import { getChain } from '../../planning/effects/get-chain';
import { addIndicator } from '../../planning/effects/save-indicator';
import { linkAction } from '../../planning/effects/link-action';
import { loadChainPage } from '../../planning/effects/load-chain-page';
import { getSupportFigures } from '../../support/followup/get-support-figures';
import { supportTotals } from '../../support/followup/support-totals';
import { getSelfHelpFigures } from '../../knowledge/figures/get-self-help-figures';
import { findDeviceLosses } from '../../devices/find-device-losses';
import { countDaysWithout } from '../../devices/count-days-without';
import { computePoolUse } from '../../apps/find-licence-use';
import { licenceUseShare } from '../../apps/apps-indicator-values';
import { appsSeries } from '../../apps/apps-series';
import { countRequestsInTime } from '../../apps/requests/count-requests-in-time';
import { coverageShare } from '../../competence/coverage-share';
import { getNeedsPicture } from '../../competence/courses/get-needs-picture';
import { loadFollowupPicture } from './load-followup-picture';
import { loadUnitEvidence } from './load-unit-evidence';

const t = useTestDatabase();
const ITEM_1_1 = 'ns.1-1.amnesdidaktisk-anvandning';
const SG_2_2 = 'nationella-strategin:2.2';

async function refusal(p: Promise<unknown>) {
	try {
		await p;
	} catch (e) {
		if (isAppError(e)) return e.code;
		throw e;
	}
	throw new Error('expected a refusal');
}

/** An organizer with two schools in one area, a closed round, cases with lost time, a 2.2 action in a chain with an indicator. */
async function scene() {
	const organizer = await buildOrganizer(t.db);
	const organizerId = organizer.id;
	const area = await buildUnit(t.db, { organizerId, name: 'Norra området' });
	const a = await buildUnit(t.db, { organizerId, name: 'Ekskolan', parentId: area.id });
	const b = await buildUnit(t.db, { organizerId, name: 'Björkskolan' });
	const year = schoolYearOf(todayInStockholm());
	const round = await buildRound(t.db, {
		organizer,
		units: [a, b],
		anonymityThreshold: 3,
		opensOn: year.from,
		closesOn: year.from,
		closedAt: new Date()
	});
	for (const [unit, levels] of [
		[a, [1, 2, 2, 3]],
		[b, [3, 4, 4, 4]]
	] as const)
		for (const level of levels) await buildResponse(t.db, { round, unitId: unit.id, perspective: 'staff', answers: { [ITEM_1_1]: level } });
	const first = await buildTicket(t.db, { organizerId, unitId: a.id, input: { lostAmount: 2, studentsAffected: 25 } });
	const second = await buildTicket(t.db, { organizerId, unitId: a.id, input: { lostAmount: '30', lostUnit: 'minute' } });
	// Two of the cases were requests for tools, decided this school year: one by its due date, one after.
	const tool = await buildTool(t.db, { organizerId });
	const hourAgo = new Date(Date.now() - 3600_000);
	await t.db.insert(appRequests).values(
		[first, second].map(({ ticket, requester }, i) => ({
			organizerId,
			ticketId: ticket.id,
			toolId: tool.id,
			purpose: 'Läsning',
			requestedBy: requester.personId,
			dueAt: new Date(hourAgo.getTime() + (i === 0 ? 1 : -1) * 86400_000),
			decidedAt: hourAgo
		}))
	);
	await buildTicket(t.db, { organizerId, unitId: b.id, input: { chain: 'pedagogical', lostAmount: 1 } });
	const article = await buildArticle(t.db, { organizerId, title: 'Anslut till wifi', chain: 'technical' });
	await t.db.insert(kbDeflections).values({ organizerId, articleId: article.id, query: 'wifi' });
	const on = (role: Parameters<typeof buildActor>[1][number]['role'], unitId: string | null = null) =>
		buildActor(t.db, [{ role, organizerId, unitId }]);
	const admin = await on('org_admin');
	const leader = await on('leadership');
	const principal = await on('principal', area.id);
	const period = periodOf(year.from);
	const action = await createAction(t.db, {
		organizerId,
		period,
		actor: leader,
		input: { scope: a.id, title: 'Supportrutin för skrivare', responsibleId: leader.personId, links: [SG_2_2] }
	});
	const chain = await createChain(t.db, {
		actor: leader,
		organizerId,
		input: { scope: 'organizer', title: 'Mindre förlorad tid', effect: 'Lektionerna startar i tid', resources: '' }
	});
	const effect = (await getChain(t.db, { actor: leader, organizerId, chainId: chain.id })).steps[0];
	const ids = { actor: leader, organizerId, chainId: chain.id };
	await linkAction(t.db, { ...ids, input: { stepId: effect.id, actionId: action.id } });
	await addIndicator(t.db, {
		...ids,
		input: { stepId: effect.id, name: 'Förlorade lektioner', kind: 'support_lost_lessons', baselineValue: '10', baselineOn: year.from }
	});
	await addIndicator(t.db, {
		...ids,
		input: { stepId: effect.id, name: 'Delmål 1.1', kind: 'assessment_mean', goal: 'nationella-strategin:1.1' }
	});
	return { organizer, organizerId, area, a, b, year, round, admin, leader, principal, action, chain, period };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const figureOf = (p: Awaited<ReturnType<typeof loadFollowupPicture>>, sg: string, key: string) =>
	p.subGoals.find((s) => s.id === sg)!.operations!.find((f) => f.key === key);

describe('one picture of the strategy and daily operations', () => {
	let s: Scene;
	beforeAll(async () => {
		s = await scene();
	});

	it('shows every figure exactly as the module that owns it computes it', async () => {
		const { organizerId, admin, year } = s;
		const p = await loadFollowupPicture(t.db, { actor: admin, organizerId, unitId: null, from: year.from, to: year.to });
		expect(p.subGoals.map((sg) => sg.id)).toContain('2.2');
		const sg = (id: string) => p.subGoals.find((x) => x.id === id)!;

		// Self-assessment: the organizer report of each round, its suppression included.
		expect(p.rounds.map((r) => r.id)).toEqual([s.round.id]);
		const report = await computeOrganizerReport(t.db, { actor: admin, organizerId, roundId: s.round.id });
		for (const x of p.subGoals) {
			const f = report.figures[x.id]?.[TOTAL]?.[TOTAL];
			expect(x.assessment!.organizer[0].mean).toBe(f?.shown ? f.mean : null);
		}
		expect(sg('1.1').assessment!.organizer[0].mean).toBe(23 / 8);

		// Plans: the roll-up's counts, and the action by name.
		const rollUp = await rollUpPlans(t.db, { actor: admin, organizerId, period: s.period });
		for (const x of p.subGoals) {
			const row = rollUp.rows.find((r) => r.value === `nationella-strategin:${x.id}`);
			expect(x.plan!.counts).toEqual(
				row ? { byStatus: row.byStatus, total: row.total, overdue: row.overdue, organizerActions: row.organizerActions } : null
			);
		}
		expect(sg('2.2').plan!.counts!.total).toBe(1);
		expect(sg('2.2').plan!.actions.map((a) => a.id)).toEqual([s.action.id]);

		// Effect chains: the chain page's own values, tied to 2.2 (by kind and by the linked action) and to 1.1 (computed from it).
		const page = await loadChainPage(t.db, { actor: admin, organizerId, chainId: s.chain.id, locale: 'sv' });
		const onPage = page.steps.flatMap((st) => st.indicators);
		const lost = sg('2.2').indicators!.find((i) => i.name === 'Förlorade lektioner')!;
		const fromChain = onPage.find((i) => i.id === lost.id)!;
		expect([lost.latest, lost.movement, lost.baseline, lost.target]).toEqual([
			fromChain.latest,
			fromChain.movement,
			fromChain.baseline,
			fromChain.target
		]);
		expect(lost.chainId).toBe(s.chain.id);
		const mean = sg('1.1').indicators!.find((i) => i.name === 'Delmål 1.1')!;
		expect(mean.latest).toEqual(onPage.find((i) => i.id === mean.id)!.latest);
		expect(sg('2.1').indicators).toEqual([]);

		// Operations: each from its own module's function.
		const support = await getSupportFigures(t.db, {
			actor: admin,
			filter: { organizerId, unitId: null, chain: null, from: year.from, to: year.to }
		});
		const totals = supportTotals(support);
		expect(totals.cases).toBe(3);
		expect(figureOf(p, '2.2', 'support.cases')!.value).toBe(totals.cases);
		expect(figureOf(p, '2.2', 'support.lessons')!.value).toBe(totals.lessons);
		expect(figureOf(p, '2.2', 'support.sla')!.value).toBe(support.sla.find((x) => x.kind === 'resolution')!.compliance);
		expect(figureOf(p, '2.2', 'support.rating')!.value).toBe(support.ratings.average);
		expect(figureOf(p, '2.2', 'support.userErrors')!.value).toBe(support.userErrorShare);
		const selfHelp = await getSelfHelpFigures(t.db, { actor: admin, organizerId, from: year.from, to: year.to, chain: null });
		expect(figureOf(p, '1.3', 'self_help.deflections')!.value).toBe(selfHelp.deflections);
		expect(selfHelp.deflections).toBe(1);
		expect(figureOf(p, '1.3', 'self_help.helpful')!.value).toBe(selfHelp.helpfulVotes);
		const needs = await getNeedsPicture(t.db, { actor: admin, organizerId, unitId: null });
		expect(figureOf(p, '1.3', 'courses.signed_up')!.value).toBe(needs.offered.reduce((n, o) => n + o.signedUp, 0));
		expect(figureOf(p, '1.3', 'courses.completed')!.value).toBe(needs.offered.reduce((n, o) => n + o.completed, 0));
		const losses = await findDeviceLosses(t.db, { actor: admin, organizerId });
		expect(figureOf(p, '2.1', 'devices.lost')!.value).toBe(losses.byUnit.reduce((n, u) => n + u.lost + u.stolen, 0));
		const without = await countDaysWithout(t.db, { actor: admin, organizerId, unitIds: null, from: year.from, to: year.to });
		expect(figureOf(p, '2.1', 'devices.repairs')!.value).toBe(without.repairs);
		expect(figureOf(p, '2.1', 'devices.days_without')!.value).toBe(without.daysWithout);
		const asOf = p.period.to > todayInStockholm() ? todayInStockholm() : p.period.to;
		const pools = (await computePoolUse(t.db, organizerId, asOf)).filter((x) => x.validFrom <= asOf && x.validTo >= asOf);
		expect(figureOf(p, '2.3', 'apps.licence_use')!.value).toBe(licenceUseShare(pools));
		expect(figureOf(p, '2.3', 'apps.agreements')!.value).toBe(
			(await appsSeries(t.db, { organizerId, kind: 'apps_agreement_coverage', today: asOf })).at(-1)!.value
		);
		const requests = await countRequestsInTime(t.db, { organizerId, from: year.from, to: year.to });
		expect(requests).toEqual({ decided: 2, inTime: 1, share: 0.5 });
		expect(figureOf(p, '2.3', 'apps.requests_in_time')!.value).toBe(requests.share);
		expect(figureOf(p, '2.3', 'apps.requests_decided')!.value).toBe(requests.decided);
		// The planning indicator counts the same requests for the current school year.
		expect((await appsSeries(t.db, { organizerId, kind: 'apps_request_lead_time' })).at(-1)!.value).toBe(requests.share);
		expect(figureOf(p, '1.1', 'coverage.share')!.value).toBe(
			await coverageShare(t.db, { organizerId, unitId: null, aspect: null, year: { key: '', from: year.from, to: year.to } })
		);
		// Sub-goals no operational figure speaks to say so.
		expect(sg('3.1').operations).toBeNull();
	});

	it("shows a unit's figures (with the units under it) beside the organizer's, each as its module counts them", async () => {
		const { organizerId, admin, year, area } = s;
		const p = await loadFollowupPicture(t.db, { actor: admin, organizerId, unitId: area.id, from: year.from, to: year.to });
		const mine = supportTotals(
			await getSupportFigures(t.db, { actor: admin, filter: { organizerId, unitId: area.id, chain: null, from: year.from, to: year.to } })
		);
		const all = supportTotals(
			await getSupportFigures(t.db, { actor: admin, filter: { organizerId, unitId: null, chain: null, from: year.from, to: year.to } })
		);
		expect(figureOf(p, '2.2', 'support.cases')).toMatchObject({ value: mine.cases, organizerValue: all.cases });
		expect(mine.cases).toBe(2);
		// The area's plan: the action at Ekskolan (under it) is listed.
		expect(p.subGoals.find((x) => x.id === '2.2')!.plan!.actions.map((a) => a.id)).toEqual([s.action.id]);
		const row = (await rollUpPlans(t.db, { actor: admin, organizerId, period: s.period })).rows.find((r) => r.value === SG_2_2)!;
		expect(p.subGoals.find((x) => x.id === '2.2')!.plan!.unitActions).toBe(row.units.find((u) => u.unitId === s.a.id)!.actions);
		expect(row.units.find((u) => u.unitId === s.a.id)!.actions).toBe(1);
		const outside = await loadFollowupPicture(t.db, { actor: admin, organizerId, unitId: s.b.id, from: year.from, to: year.to });
		expect(outside.subGoals.find((x) => x.id === '2.2')!.plan!.actions).toEqual([]);
	});

	it("gives a principal their area beside the organizer's totals, as the area report does, and nothing of other units", async () => {
		const { organizerId, principal, year, area } = s;
		const p = await loadFollowupPicture(t.db, { actor: principal, organizerId, unitId: area.id, from: year.from, to: year.to });
		expect(p.assessmentScope).toBe('area');
		const areaReport = await computeAreaReport(t.db, { actor: principal, organizerId, roundId: s.round.id, areaId: area.id });
		const f = areaReport.figures['1.1'][TOTAL][TOTAL];
		expect(p.subGoals.find((x) => x.id === '1.1')!.assessment!.organizer[0].mean).toBe(f.shown ? f.mean : null);
		expect(areaReport.units.map((u) => u.id)).toEqual([s.a.id]);

		expect(await refusal(loadFollowupPicture(t.db, { actor: principal, organizerId, unitId: s.b.id, from: year.from, to: year.to }))).toBe(
			'FORBIDDEN'
		);
		expect(await refusal(loadFollowupPicture(t.db, { actor: principal, organizerId, unitId: null, from: year.from, to: year.to }))).toBe(
			'FORBIDDEN'
		);
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId, unitId: s.a.id }]);
		expect(await refusal(loadFollowupPicture(t.db, { actor: staff, organizerId, unitId: s.a.id, from: year.from, to: year.to }))).toBe(
			'FORBIDDEN'
		);
	});

	it("refuses another organizer's data and a period that ends before it starts", async () => {
		const { organizerId, year } = s;
		const other = await buildOrganizer(t.db);
		const otherAdmin = await buildActor(t.db, [{ role: 'org_admin', organizerId: other.id }]);
		expect(await refusal(loadFollowupPicture(t.db, { actor: otherAdmin, organizerId, unitId: null, from: year.from, to: year.to }))).toBe(
			'FORBIDDEN'
		);
		// A unit of another organizer is not found under this one.
		expect(
			await refusal(
				loadFollowupPicture(t.db, {
					actor: s.admin,
					organizerId,
					unitId: (await buildUnit(t.db, { organizerId: other.id })).id,
					from: year.from,
					to: year.to
				})
			)
		).toBe('NOT_FOUND');
		expect(await refusal(loadFollowupPicture(t.db, { actor: s.admin, organizerId, unitId: null, from: year.to, to: year.from }))).toBe(
			'INVALID'
		);
	});

	it("offers a unit's operational figures of the last school year as evidence for the sub-goal's items", async () => {
		const { organizerId, principal, a } = s;
		const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId, unitId: a.id }]);
		const evidence = await loadUnitEvidence(t.db, { actor: keyPerson, organizerId, unitId: a.id, subGoalId: '2.2' });
		expect(evidence).not.toBeNull();
		const mine = supportTotals(
			await getSupportFigures(t.db, {
				actor: keyPerson,
				filter: { organizerId, unitId: a.id, chain: null, from: evidence!.from, to: evidence!.to }
			})
		);
		expect(evidence!.figures.find((f) => f.key === 'support.cases')!.value).toBe(mine.cases);
		expect(await loadUnitEvidence(t.db, { actor: principal, organizerId, unitId: a.id, subGoalId: '3.1' })).toBeNull();
		const staff = await buildActor(t.db, [{ role: 'staff', organizerId, unitId: a.id }]);
		expect(await loadUnitEvidence(t.db, { actor: staff, organizerId, unitId: a.id, subGoalId: '2.2' })).toBeNull();
	});
});
