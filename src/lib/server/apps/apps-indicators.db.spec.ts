// Covers: appsSeries and the three apps_* kinds in computeIndicators (decision 057).
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildAgreement, buildOrganizer, buildTicket, buildTool, buildUnit } from '../../../../tests/factories';
import {
	appClassifications,
	appDecisions,
	appLicencePools,
	appLicenceUsage,
	appRequests,
	planningChainSteps,
	planningEffectChains,
	planningIndicators
} from '../db/schema';
import { computeIndicators } from '../planning/effects/compute-indicators';
import { todayInStockholm } from '../auth/load-actor';
import { appsSeries } from './apps-series';

const t = useTestDatabase();

describe('the digital tools as planning indicators', () => {
	it('computes agreement coverage, licence use and requests decided in time for the current school year', async () => {
		const organizer = await buildOrganizer(t.db);
		const unit = await buildUnit(t.db, { organizerId: organizer.id });
		const central = await buildActor(t.db, [{ role: 'central_technical_support', organizerId: organizer.id }]);
		const teacher = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
		const base = { organizerId: organizer.id };
		const approve = (toolId: string, outcome: 'approved' | 'refused' = 'approved') =>
			t.db
				.insert(appDecisions)
				.values({ ...base, toolId, outcome, schoolForms: ['compulsory'], reasons: 'Skäl', decidedBy: central.personId });
		const classify = (toolId: string) =>
			t.db
				.insert(appClassifications)
				.values({ ...base, toolId, confidentiality: 1, integrity: 1, availability: 1, traceability: 1, assessedBy: central.personId });

		// Four tools in use: one covered, one needing no agreement and classified, one without agreement, one unclassified;
		// a refused one does not count.
		const covered = await buildTool(t.db, base);
		await buildAgreement(t.db, { ...base, toolId: covered.id, createdBy: central.personId });
		const noData = await buildTool(t.db, { ...base, personalData: false });
		const noAgreement = await buildTool(t.db, base);
		const unclassified = await buildTool(t.db, base);
		await buildAgreement(t.db, { ...base, toolId: unclassified.id, createdBy: central.personId });
		const refused = await buildTool(t.db, base);
		for (const tool of [covered, noData, noAgreement, unclassified]) await approve(tool.id);
		await approve(refused.id, 'refused');
		for (const tool of [covered, noData, noAgreement]) await classify(tool.id);

		// 12 of 200 and 90 of 100 licences used: 102 of 300.
		const today = todayInStockholm();
		const year = Number(today.slice(0, 4));
		const period = { validFrom: `${year - 1}-01-01`, validTo: `${year + 1}-12-31` };
		await t.db.insert(appLicencePools).values([
			{ ...base, toolId: covered.id, unitId: unit.id, seats: 200, ...period },
			{ ...base, toolId: noData.id, unitId: unit.id, seats: 100, ...period }
		]);
		const usage = { ...base, unitId: unit.id, periodFrom: period.validFrom, periodTo: today, importedBy: central.personId };
		await t.db.insert(appLicenceUsage).values([
			{ ...usage, toolId: covered.id, assigned: 180, used: 12 },
			{ ...usage, toolId: noData.id, assigned: 100, used: 90 }
		]);

		// Three requests decided today: two by their due date, one after it; an open one does not count.
		const now = new Date();
		const hour = 3_600_000;
		for (const [dueAt, decidedAt] of [
			[new Date(now.getTime() + hour), now],
			[new Date(now.getTime() + 2 * hour), now],
			[new Date(now.getTime() - hour), now],
			[new Date(now.getTime() + hour), null]
		] as const) {
			const { ticket } = await buildTicket(t.db, { organizerId: organizer.id, unitId: unit.id, requester: teacher });
			await t.db
				.insert(appRequests)
				.values({ ...base, ticketId: ticket.id, toolId: covered.id, purpose: 'Pröva', requestedBy: teacher.personId, dueAt, decidedAt });
		}

		const current = async (kind: Parameters<typeof appsSeries>[1]['kind']) => (await appsSeries(t.db, { ...base, kind, today })).at(-1)!;
		expect((await current('apps_agreement_coverage')).value).toBeCloseTo(2 / 4);
		expect((await current('apps_licence_use')).value).toBeCloseTo(102 / 300);
		expect((await current('apps_request_lead_time')).value).toBeCloseTo(2 / 3);

		// Wired into the planning indicators, as shares.
		const [chain] = await t.db.insert(planningEffectChains).values({ organizerId: organizer.id, unitId: null, title: 'Kedja' }).returning();
		const [step] = await t.db
			.insert(planningChainSteps)
			.values({ organizerId: organizer.id, chainId: chain.id, kind: 'effect', text: 'Effekt' })
			.returning();
		await t.db
			.insert(planningIndicators)
			.values({ organizerId: organizer.id, stepId: step.id, name: 'Licenser', kind: 'apps_licence_use', params: {} });
		const [view] = await computeIndicators(t.db, { organizerId: organizer.id, unitId: null, stepIds: [step.id] });
		expect(view.format).toBe('share');
		expect(view.history).toHaveLength(3);
		expect(view.latest?.value).toBeCloseTo(102 / 300);
	});
});
