import type { Db } from '../../db';
import { authorize, can, type Actor } from '../../policies';
import { workingCalendarFor } from '../../support/sla-refresh/working-calendar-for';
import { loadRequests } from './load-requests';
import { leadWorkingDays, requestFigures, requestStanding } from './request-timing';

/**
 * The organizer's requests for new tools (apps.register), newest first, each with its due date, its standing against
 * the 5-working-day target and, once decided, its lead time in working days; and the figure for the follow-up:
 * decided in time of all decided, the median lead time, how many wait and how many of those are late. No names: the
 * requester follows a request through the case, the 2nd line through the request page.
 */
export async function findAppRequests(db: Db, opts: { actor: Actor; organizerId: string; now?: Date }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'apps.register', { type: 'apps', organizerId });
	const now = opts.now ?? new Date();
	const [rows, calendar] = await Promise.all([loadRequests(db, organizerId), workingCalendarFor(db, organizerId)]);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			toolId: r.toolId,
			toolName: r.toolName,
			number: r.number,
			createdAt: r.createdAt,
			dueAt: r.dueAt,
			decidedAt: r.decidedAt,
			standing: requestStanding(r, now),
			leadDays: r.decidedAt ? Math.round(leadWorkingDays(calendar, r.createdAt, r.decidedAt) * 10) / 10 : null
		})),
		figures: requestFigures(calendar, rows, now),
		canReview: can(actor, 'apps.manage', { type: 'apps', organizerId })
	};
}
