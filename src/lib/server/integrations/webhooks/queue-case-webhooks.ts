import type { Db } from '../../db';
import type { TicketRow } from '../../support/tickets/ticket-resource';
import type { WebhookEventType } from './events';
import { queueWebhookEvent } from './queue-webhook-event';

/** Which webhook event a step on a case is: filed, escalated, solved, or otherwise updated. */
export function caseEventType(e: { kind: string; stateTo: string | null; lineTo: number | null }, lineBefore: number): WebhookEventType {
	if (e.kind === 'filed') return 'case.created';
	if (e.stateTo === 'solved') return 'case.solved';
	if (e.kind === 'escalate' || (e.lineTo !== null && e.lineTo > lineBefore)) return 'case.escalated';
	return 'case.updated';
}

/**
 * Queues the webhook event of one step on a case (called by appendTicketEvent, the one writer of the timeline, in
 * its transaction). The data is the case's number and state, never the text of a reply or note.
 */
export async function queueCaseWebhooks(
	tx: Db,
	ticket: TicketRow,
	event: { kind: string; stateTo: string | null; lineTo: number | null },
	lineBefore: number
) {
	return queueWebhookEvent(tx, {
		organizerId: ticket.organizerId,
		type: caseEventType(event, lineBefore),
		data: {
			number: ticket.number,
			title: ticket.title,
			status: ticket.state,
			line: ticket.line,
			chain: ticket.chain,
			urgency: ticket.urgency,
			unitId: ticket.unitId,
			step: event.kind,
			updatedAt: ticket.updatedAt.toISOString()
		}
	});
}
