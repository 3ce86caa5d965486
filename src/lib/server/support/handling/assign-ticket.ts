import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { mayWork } from './find-assignees';
import { isOpen } from './rules';
import { caseAudit, lockCase, type StepOptions } from './step';
import { conflict, invalid, parseOrThrow } from '../../errors';

export const assignTicketSchema = z.object({
	/** The person to hand the case to; empty to leave it unassigned. */
	assigneeId: z
		.uuid('handling_error_choose_assignee')
		.or(z.literal('').transform(() => null))
		.nullable()
		.default(null)
});
export type AssignTicketInput = z.input<typeof assignTicketSchema>;

/**
 * Hands an open case to someone who may work it at its current line (often the actor themselves),
 * or takes it off whoever has it. An internal step: the requester sees who answers, not who holds it.
 */
export async function assignTicket(db: Db, opts: StepOptions<AssignTicketInput>) {
	const input = parseOrThrow(assignTicketSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, resource, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('assigneeId', 'handling_error_case_not_open');
		if (ticket.assigneeId === input.assigneeId) throw conflict('assigneeId', 'handling_error_assignee_unchanged');
		if (input.assigneeId && !(await mayWork(tx, input.assigneeId, resource)))
			throw invalid('assigneeId', 'handling_error_assignee_not_handler');
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'assign',
			public: false,
			// Ids only: a name in the event would outlive a protected identity's pseudonym (decision 015).
			data: { assigneeId: input.assigneeId, fromAssigneeId: ticket.assigneeId },
			patch: { assigneeId: input.assigneeId }
		});
		await recordAudit(tx, { action: 'ticket.assign', ...caseAudit(actor, after, { assigneeId: [ticket.assigneeId, after.assigneeId] }) });
		return after;
	});
}
