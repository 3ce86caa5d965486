import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { appAgreements, appDecisions } from '../db/schema';

export type Decision = typeof appDecisions.$inferSelect;

/** The latest decision of each of the organizer's tools (all, or those named), by tool id. */
export async function latestDecisions(db: Db, organizerId: string, toolIds?: string[]): Promise<Map<string, Decision>> {
	if (toolIds && !toolIds.length) return new Map();
	const rows = await db
		.selectDistinctOn([appDecisions.toolId])
		.from(appDecisions)
		.where(and(eq(appDecisions.organizerId, organizerId), toolIds ? inArray(appDecisions.toolId, toolIds) : undefined))
		.orderBy(appDecisions.toolId, desc(appDecisions.decidedAt), desc(appDecisions.id));
	return new Map(rows.map((r) => [r.toolId, r]));
}

/** The agreements of the organizer's tools (days only), by tool id. */
export async function agreementDays(db: Db, organizerId: string): Promise<Map<string, { validFrom: string; validTo: string | null }[]>> {
	const rows = await db
		.select({ toolId: appAgreements.toolId, validFrom: appAgreements.validFrom, validTo: appAgreements.validTo })
		.from(appAgreements)
		.where(eq(appAgreements.organizerId, organizerId));
	const out = new Map<string, { validFrom: string; validTo: string | null }[]>();
	for (const r of rows) out.set(r.toolId, [...(out.get(r.toolId) ?? []), { validFrom: r.validFrom, validTo: r.validTo }]);
	return out;
}
