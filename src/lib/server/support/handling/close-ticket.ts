import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { caseAudit, lockCase, type StepOptions } from './step';
import { conflict, invalid, parseOrThrow } from '../../errors';

export const closeTicketSchema = z.object({
	reason: z.string().trim().max(4000, 'support_error_too_long').optional().default('')
});
export type CloseTicketInput = z.input<typeof closeTicketSchema>;

/**
 * Closes a case: a solved one as it is, an open one only with a reason (closed without a solution,
 * e.g. the requester no longer needs help). A closed case stays closed here; reopening is the requester's.
 */
export async function closeTicket(db: Db, opts: StepOptions<CloseTicketInput>) {
	const input = parseOrThrow(closeTicketSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (ticket.state === 'closed') throw conflict('reason', 'handling_error_case_closed');
		const unsolved = ticket.state !== 'solved';
		if (unsolved && !input.reason) throw invalid('reason', 'handling_error_close_reason_required');
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'close',
			public: true,
			body: input.reason,
			stateTo: 'closed',
			data: { unsolved, reason: input.reason || null }
		});
		await recordAudit(tx, {
			action: 'ticket.close',
			...caseAudit(actor, after, { state: [ticket.state, 'closed'], unsolved, ...(input.reason && { reason: input.reason }) })
		});
		return after;
	});
}
