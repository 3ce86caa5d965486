import { recordAudit } from '../../audit/record-audit';
import type { Db } from '../../db';
import type { Actor } from '../../policies';
import { OPEN_STATES, type TicketState } from '../constants';
import { appendTicketEvent } from '../tickets/append-event';
import { forEachTicket, type BulkResult } from './bulk-tickets';

/**
 * Bulk step from the queue: the actor takes the ticked open cases they may work at their
 * current line. Each assignment is an (internal) timeline event and an audit entry; cases
 * already the actor's, closed or solved, or no longer theirs to work are skipped and reported.
 */
export async function assignTicketsToMe(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; input: { numbers: unknown } }
): Promise<BulkResult> {
	return forEachTicket(db, opts, async (tx, actor, ticket) => {
		if (!OPEN_STATES.includes(ticket.state as TicketState)) return 'wrong_state';
		if (ticket.assigneeId === actor.personId) return 'unchanged';
		await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'assign',
			public: false,
			data: { assigneeId: actor.personId, fromAssigneeId: ticket.assigneeId, via: 'queue' },
			patch: { assigneeId: actor.personId }
		});
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: actor.personId,
			action: 'ticket.assign',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: { number: ticket.number, assigneeId: [ticket.assigneeId, actor.personId], via: 'queue' }
		});
	});
}
