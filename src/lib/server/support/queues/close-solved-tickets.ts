import { recordAudit } from '../../audit/record-audit';
import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { appendTicketEvent } from '../tickets/append-event';
import { forEachTicket, type BulkResult } from './bulk-tickets';

/**
 * Bulk step from the queue: closes the ticked cases that are solved. Closing without a
 * solution needs a reason and belongs on the case's own page, so any other state is skipped
 * and reported, as are cases the actor may no longer work.
 */
export async function closeSolvedTickets(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: { numbers: unknown } }
): Promise<BulkResult> {
	return forEachTicket(db, opts, async (tx, actor, ticket) => {
		if (ticket.state !== 'solved') return 'wrong_state';
		await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'close',
			public: true,
			stateTo: 'closed',
			data: { unsolved: false, reason: null, via: 'queue' }
		});
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: actor.personId,
			action: 'ticket.close',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: { number: ticket.number, state: [ticket.state, 'closed'], unsolved: false, via: 'queue' }
		});
	});
}
