import type { Db } from '../../db';
import type { ticketEvents, tickets } from '../../db/schema';
import { queueTicketNotifications } from '../notify/queue-ticket-notifications';
import { refreshTicketSla } from '../sla-refresh/refresh-ticket-sla';
import { notifyTicketEvent } from '../../notifications/record-notifications';
import { recordTicketLeadTime } from '../lead-times/record-lead-time';

/**
 * Runs in the same transaction after every timeline event: refreshes the case's SLA status, deadline and
 * recorded breaches (as of the event's time stamp) and its stored lead time (decision 064), then queues the e-mail the event causes in the outbox and
 * writes the people's notifications and the team channel posts (decision 026).
 */
export async function afterTicketEvent(
	tx: Db,
	ticket: typeof tickets.$inferSelect,
	event: typeof ticketEvents.$inferSelect
): Promise<void> {
	await refreshTicketSla(tx, ticket, { now: event.createdAt });
	await recordTicketLeadTime(tx, ticket, event);
	await queueTicketNotifications(tx, ticket, event);
	await notifyTicketEvent(tx, ticket, event);
}
