import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import { can, type Actor } from '../../policies';
import { loadRequests } from './load-requests';
import { requestStanding } from './request-timing';

/**
 * The tool request a support case was filed as, if it was one, for the box on the case page: the tool, the due date
 * and standing, and whether this viewer runs the review (apps.manage). The caller has already shown the case to the
 * actor (getCasePage checks ticket.view), so this adds nothing the case does not already say but the due date.
 */
export async function getCaseAppRequest(db: Db, opts: { actor: Actor | null; organizerId: string; number: number; now?: Date }) {
	const [r] = await loadRequests(db, opts.organizerId, eq(tickets.number, opts.number));
	if (!r) return null;
	return {
		id: r.id,
		toolName: r.toolName,
		dueAt: r.dueAt,
		decidedAt: r.decidedAt,
		standing: requestStanding(r, opts.now ?? new Date()),
		canReview: can(opts.actor, 'apps.manage', { type: 'apps', organizerId: opts.organizerId })
	};
}
