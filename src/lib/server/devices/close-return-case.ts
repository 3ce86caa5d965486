import { and, count, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../db';
import { deviceRepairs, ticketEvents, tickets } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { appendTicketEvent } from '../support/tickets/append-event';

/**
 * What became of the case a damaged return opened when the return was undone: closed with it, left open because
 * someone had already taken it on, or already closed.
 */
export type ReturnCaseOutcome = { number: number; outcome: 'closed' | 'kept' | 'already_closed' };

/**
 * Closes the case a damaged return opened (decision 071, addendum) in the undo's transaction, as long as nothing has
 * happened to it since it was filed: still new, at the 1st line, nobody assigned, no event after the filing (no reply,
 * note, attachment, step) and no repair registered from it. It is then closed as support closes a case that needs no
 * solution (`close`, unsolved, with a reason) — its public event says the return was undone — and audited
 * `ticket.close`. A case someone has taken on is left as it is (`kept`): the person undoing is told, and the handler
 * decides. The caller has authorized devices.manage at the device's unit, the authorization the return had.
 */
export async function closeReturnCase(
	tx: Db,
	opts: { organizerId: string; actorId: string; ticketId: string; returnEventId: string; tag: string }
): Promise<ReturnCaseOutcome | null> {
	const [ticket] = await tx
		.select()
		.from(tickets)
		.where(and(eq(tickets.id, opts.ticketId), eq(tickets.organizerId, opts.organizerId)))
		.for('update');
	if (!ticket) return null;
	if (ticket.state === 'closed') return { number: ticket.number, outcome: 'already_closed' };
	const [[events], [repairs]] = [
		await tx.select({ n: count() }).from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id)),
		await tx.select({ n: count() }).from(deviceRepairs).where(eq(deviceRepairs.ticketId, ticket.id))
	];
	const untouched = ticket.state === 'new' && ticket.line === 1 && !ticket.assigneeId && events.n <= 1 && repairs.n === 0;
	if (!untouched) return { number: ticket.number, outcome: 'kept' };
	const reason = m.devicereturns_case_closed_by_undo({ tag: opts.tag }, { locale: 'sv' });
	const { ticket: after } = await appendTicketEvent(tx, ticket, {
		actorId: opts.actorId,
		by: 'handler',
		kind: 'close',
		public: true,
		body: reason,
		stateTo: 'closed',
		data: { unsolved: true, reason, undoneDeviceReturn: opts.returnEventId }
	});
	await recordAudit(tx, {
		organizerId: opts.organizerId,
		actorId: opts.actorId,
		action: 'ticket.close',
		entityType: 'ticket',
		entityId: after.id,
		changes: { number: after.number, state: [ticket.state, 'closed'], unsolved: true, reason, undoneDeviceReturn: opts.returnEventId }
	});
	return { number: after.number, outcome: 'closed' };
}
