import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { supportSlaTargets } from '../../db/schema';

/** Targets in working minutes, as stored on a case (tickets.sla_targets). */
export type TicketSlaTargets = {
	firstResponse?: number;
	feedback?: number;
	resolution?: number;
	perLine?: Partial<Record<1 | 2 | 3, number>>;
};

/** The organizer's targets for a chain and urgency, shaped for the case; empty when none are set. */
export async function loadSlaTargets(db: Db, organizerId: string, chain: string, urgency: string): Promise<TicketSlaTargets> {
	const [row] = await db
		.select()
		.from(supportSlaTargets)
		.where(and(eq(supportSlaTargets.organizerId, organizerId), eq(supportSlaTargets.chain, chain), eq(supportSlaTargets.urgency, urgency)));
	if (!row) return {};
	const perLine: Partial<Record<1 | 2 | 3, number>> = {};
	if (row.line1Minutes != null) perLine[1] = row.line1Minutes;
	if (row.line2Minutes != null) perLine[2] = row.line2Minutes;
	if (row.line3Minutes != null) perLine[3] = row.line3Minutes;
	return {
		...(row.firstResponseMinutes != null && { firstResponse: row.firstResponseMinutes }),
		...(row.feedbackMinutes != null && { feedback: row.feedbackMinutes }),
		...(row.resolutionMinutes != null && { resolution: row.resolutionMinutes }),
		...(Object.keys(perLine).length > 0 && { perLine })
	};
}
