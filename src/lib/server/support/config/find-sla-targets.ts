import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportSlaTargets } from '../../db/schema';
import { getSupportSettings } from '../settings';
import { authorizeConfigure, type ConfigOptions } from './config-common';
import { workdayMinutes, type SlaKindKey } from './sla-duration';

/** Stored minutes per kind for one chain and urgency. */
export type SlaCell = Record<SlaKindKey, number | null>;

/** Row → cell: the table's columns under the page's names. */
export const cellOf = (r: typeof supportSlaTargets.$inferSelect): SlaCell => ({
	firstResponse: r.firstResponseMinutes,
	feedback: r.feedbackMinutes,
	resolution: r.resolutionMinutes,
	line1: r.line1Minutes,
	line2: r.line2Minutes,
	line3: r.line3Minutes
});

/**
 * The organizer's SLA targets keyed "chain-urgency", with the length of its working day in
 * minutes (what one working day means when targets are typed in days).
 */
export async function findSlaTargets(db: Db, { actor, organizerId }: ConfigOptions) {
	authorizeConfigure(actor, organizerId);
	const settings = await getSupportSettings(db, organizerId);
	const rows = await db.select().from(supportSlaTargets).where(eq(supportSlaTargets.organizerId, organizerId));
	const targets: Record<string, SlaCell> = {};
	for (const r of rows) targets[`${r.chain}-${r.urgency}`] = cellOf(r);
	return { targets, dayMinutes: workdayMinutes(settings.workdayStart, settings.workdayEnd), settings };
}
