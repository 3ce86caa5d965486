import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketLeadTimes, type ticketEvents, type tickets } from '../../db/schema';
import { storeLeadTimes } from './store-lead-times';

/**
 * Keeps a case's stored lead time in step with its timeline, in the transaction of the step (decision 064): a step
 * that changes the state or line of a solved case (re)computes it; one that leaves the case unsolved (reopening)
 * removes it. Other steps (notes, ratings, closing after a solve) cannot change it: time after the solve never counts.
 */
export async function recordTicketLeadTime(
	tx: Db,
	ticket: typeof tickets.$inferSelect,
	event: Pick<typeof ticketEvents.$inferSelect, 'stateTo' | 'lineTo'>
): Promise<void> {
	if (!event.stateTo && !event.lineTo) return;
	if (ticket.solvedAt) await storeLeadTimes(tx, { organizerId: ticket.organizerId, ticketIds: [ticket.id] });
	else await tx.delete(ticketLeadTimes).where(eq(ticketLeadTimes.ticketId, ticket.id));
}
