import { and, eq, gte, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import { appRequests } from '../../db/schema';
import { stockholmInstant } from '../../planning/forums/forum-input';
import { requestsInTimeShare } from '../apps-indicator-values';

/** The requests decided in a period and how many of them were decided within their 5 working days. */
export type RequestsInTime = { decided: number; inTime: number; share: number | null };

/**
 * The request lead time of issue 18 item 4 (decision 047's target): of the tool requests decided in the period
 * (Stockholm dates, `from` inclusive, `to` exclusive), how many were decided by their due date — 5 working days after
 * filing on the organizer's calendar — and the share (null when none was decided). The one count behind the planning
 * indicator `apps_request_lead_time` and the follow-up's figure; requests belong to the organizer, not to a unit.
 * Not an actor's read: callers authorize (apps.register or the indicator's own rule).
 */
export async function countRequestsInTime(db: Db, o: { organizerId: string; from: string; to: string }): Promise<RequestsInTime> {
	const decided = await db
		.select({ dueAt: appRequests.dueAt, decidedAt: appRequests.decidedAt })
		.from(appRequests)
		.where(
			and(
				eq(appRequests.organizerId, o.organizerId),
				isNotNull(appRequests.decidedAt),
				gte(appRequests.decidedAt, stockholmInstant(o.from, '00:00')),
				lt(appRequests.decidedAt, stockholmInstant(o.to, '00:00'))
			)
		);
	const rows = decided.map((r) => ({ dueAt: r.dueAt, decidedAt: r.decidedAt! }));
	return { decided: rows.length, inTime: rows.filter((r) => r.decidedAt <= r.dueAt).length, share: requestsInTimeShare(rows) };
}
