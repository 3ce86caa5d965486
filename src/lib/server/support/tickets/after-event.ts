import type { Db } from '../../db';
import type { ticketEvents, tickets } from '../../db/schema';

/**
 * Runs in the same transaction after every timeline event: the place where the SLA status
 * is refreshed and notifications are queued. Kept separate so each concern adds one call here.
 */
export async function afterTicketEvent(
	_tx: Db,
	_ticket: typeof tickets.$inferSelect,
	_event: typeof ticketEvents.$inferSelect
): Promise<void> {
	// SLA refresh and e-mail notifications are added by their features.
}
