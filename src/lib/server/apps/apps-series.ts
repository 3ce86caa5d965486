import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appClassifications, appDecisions, appTools } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { recentSchoolYears } from '../support/followup/school-years';
import { agreementCoverageShare, licenceUseShare, type ToolOnDay } from './apps-indicator-values';
import { countRequestsInTime } from './requests/count-requests-in-time';
import { computePoolUse } from './find-licence-use';

/** The digital tools' computed planning indicators (decision 057). */
export const APPS_INDICATOR_KINDS = ['apps_agreement_coverage', 'apps_licence_use', 'apps_request_lead_time'] as const;
export type AppsIndicatorKind = (typeof APPS_INDICATOR_KINDS)[number];

type Point = { label: string; on: string; value: number | null; suppressed: false };

/**
 * An indicator of the digital tools per school year, oldest first (the two before and the current one so far), for
 * the whole organizer — tools, agreements and requests belong to it, not to a unit:
 * - apps_agreement_coverage: on each year's last day (today for the current year), of the tools approved then, the
 *   share with an agreement covering the day (or needing none) and a classification made by then;
 * - apps_licence_use: on that day, licences used of those bought over the pools in force, as the licence page counts
 *   them (from the assignments where a pool has them, else the imported figures);
 * - apps_request_lead_time: of the requests decided during the year, the share decided within 5 working days.
 * Counts tools, licences and requests, never people's answers: nothing to suppress.
 */
export async function appsSeries(db: Db, o: { organizerId: string; kind: AppsIndicatorKind; today?: string }): Promise<Point[]> {
	const today = o.today ?? todayInStockholm();
	const years = recentSchoolYears(today, 3).reverse();
	const days = years.map((y) => (y.to > today ? today : y.to));
	let values: (number | null)[];
	if (o.kind === 'apps_agreement_coverage') {
		const tools = await toolsOnDays(db, o.organizerId);
		values = days.map((d) => agreementCoverageShare(tools, d));
	} else if (o.kind === 'apps_licence_use') {
		values = [];
		for (const d of days) {
			const pools = await computePoolUse(db, o.organizerId, d);
			values.push(licenceUseShare(pools.filter((p) => p.validFrom <= d && p.validTo >= d)));
		}
	} else {
		values = [];
		for (const y of years) values.push((await countRequestsInTime(db, { organizerId: o.organizerId, from: y.from, to: y.to })).share);
	}
	return years.map((y, i) => ({ label: y.key, on: days[i], value: values[i], suppressed: false as const }));
}

/** Every tool of the organizer with its agreements, decisions and classification days (Stockholm days). */
async function toolsOnDays(db: Db, organizerId: string): Promise<ToolOnDay[]> {
	const [tools, agreements, decisions, classifications] = await Promise.all([
		db.select({ id: appTools.id, personalData: appTools.personalData }).from(appTools).where(eq(appTools.organizerId, organizerId)),
		db
			.select({ toolId: appAgreements.toolId, validFrom: appAgreements.validFrom, validTo: appAgreements.validTo })
			.from(appAgreements)
			.where(eq(appAgreements.organizerId, organizerId)),
		db
			.select({ toolId: appDecisions.toolId, outcome: appDecisions.outcome, at: appDecisions.decidedAt })
			.from(appDecisions)
			.where(eq(appDecisions.organizerId, organizerId)),
		db
			.select({ toolId: appClassifications.toolId, at: appClassifications.assessedAt })
			.from(appClassifications)
			.where(eq(appClassifications.organizerId, organizerId))
	]);
	return tools.map((t) => ({
		personalData: t.personalData,
		agreements: agreements.filter((a) => a.toolId === t.id),
		decisions: decisions.filter((d) => d.toolId === t.id).map((d) => ({ outcome: d.outcome, on: todayInStockholm(d.at) })),
		classifiedOn: classifications.filter((c) => c.toolId === t.id).map((c) => todayInStockholm(c.at))
	}));
}
