import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import { AppError } from '../../errors';
import { can, type Actor, type SupportAction, type TicketResource } from '../../policies';
import { ticketResource, type TicketRow } from './ticket-resource';

/**
 * One case by its number, with its policy resource. A case the actor may not see is NOT_FOUND,
 * so its existence does not leak. Pass `forUpdate` inside a transaction to lock the row.
 */
export async function getTicket(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; number: number; action?: SupportAction; forUpdate?: boolean }
): Promise<{ ticket: TicketRow; resource: TicketResource }> {
	if (!Number.isSafeInteger(opts.number) || opts.number < 1) throw new AppError('NOT_FOUND', 'Ärendet finns inte');
	const q = db
		.select()
		.from(tickets)
		.where(and(eq(tickets.organizerId, opts.organizerId), eq(tickets.number, opts.number)));
	const [ticket] = opts.forUpdate ? await q.for('update') : await q;
	if (!ticket) throw new AppError('NOT_FOUND', 'Ärendet finns inte');
	const resource = await ticketResource(db, ticket);
	if (!can(opts.actor, 'ticket.view', resource)) throw new AppError('NOT_FOUND', 'Ärendet finns inte');
	if (opts.action && !can(opts.actor, opts.action, resource)) throw new AppError('FORBIDDEN', `Not allowed: ${opts.action}`);
	return { ticket, resource };
}
