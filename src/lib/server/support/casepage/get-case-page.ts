import type { Db } from '../../db';
import { can, type Actor } from '../../policies';
import { NOTE_AUDIENCES } from '../constants';
import { getHandlingView } from '../handling/get-handling-view';
import { getTicketTimeline } from '../tickets/get-ticket-timeline';
import { presentCase, presentTimeline } from '../tickets/present-timeline';
import { getCaseSla } from './case-sla';
import { findSeenArticles } from '../../knowledge/suggestions/find-seen-articles';

/**
 * Everything the one case page shows to this viewer (decision 027): the case and its timeline for all who see
 * it; the SLA due times for the lines (the requester gets only when to expect feedback); the handling steps
 * for the current line; internal notes and "Påminn nuvarande linje" for the lines that held it before.
 * NOT_FOUND when the actor may not see the case.
 */
export async function getCasePage(db: Db, opts: { actor: Actor | null; organizerId: string; number: number; now?: Date }) {
	const tl = await getTicketTimeline(db, opts);
	const resource = tl.resource;
	const handling = tl.can.work ? await getHandlingView(db, opts) : null;
	const sla = await getCaseSla(db, tl.ticket, opts.now);
	// What the requester was shown while filing, so the lines know what was tried (issue 15).
	const seenArticles = tl.can.internal ? await findSeenArticles(db, { organizerId: tl.ticket.organizerId, ticketId: tl.ticket.id }) : [];
	return {
		ticket: { ...presentCase(tl), assigneeName: handling?.ticket.assigneeName ?? null },
		timeline: presentTimeline(tl),
		can: {
			...tl.can,
			note: can(opts.actor, 'ticket.note', resource),
			chase: can(opts.actor, 'ticket.chase', resource)
		},
		/** The lines see every due time; everyone sees when feedback is due. */
		sla: { dues: tl.can.internal ? sla.dues : [], feedbackBy: sla.feedbackBy },
		handling,
		/** The self-help articles the requester saw while filing; only for the lines. */
		seenArticles,
		/** Whom a new internal note may be for; empty for a supplier, whose notes always go to all lines. */
		noteAudiences: can(opts.actor, 'ticket.staff_notes', resource) ? NOTE_AUDIENCES : []
	};
}

export type CasePage = Awaited<ReturnType<typeof getCasePage>>;
