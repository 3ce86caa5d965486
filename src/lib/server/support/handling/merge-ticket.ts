import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { isAppError, conflict, invalid, parseOrThrow } from '../../errors';
import { appendTicketEvent } from '../tickets/append-event';
import { getTicket } from '../tickets/get-ticket';
import { caseAudit, lockCase, type StepOptions } from './step';

export const mergeTicketSchema = z.object({
	targetNumber: z.coerce
		.number({ message: 'handling_error_merge_number' })
		.int('handling_error_merge_number')
		.min(1, 'handling_error_merge_number')
});
export type MergeTicketInput = z.input<typeof mergeTicketSchema>;

/**
 * Closes this case as a duplicate of another case of the same organizer that the actor can see.
 * Both timelines say so, publicly, so the duplicate's requester can follow where it went. The
 * note on the kept case is by 'system': it is bookkeeping, not an answer to that case's requester.
 */
export async function mergeTicket(db: Db, opts: StepOptions<MergeTicketInput>) {
	const input = parseOrThrow(mergeTicketSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (ticket.state === 'closed') throw conflict('targetNumber', 'handling_error_case_closed');
		if (input.targetNumber === ticket.number) throw invalid('targetNumber', 'handling_error_merge_self');
		const target = await getTicket(tx, { actor, organizerId: ticket.organizerId, number: input.targetNumber, forUpdate: true }).catch(
			(e) => {
				if (isAppError(e) && e.code === 'NOT_FOUND') throw invalid('targetNumber', 'handling_error_merge_target_missing');
				throw e;
			}
		);
		if (target.ticket.mergedIntoId) throw invalid('targetNumber', 'handling_error_merge_target_merged');
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'merge',
			public: true,
			stateTo: 'closed',
			data: { intoNumber: target.ticket.number, intoId: target.ticket.id },
			patch: { mergedIntoId: target.ticket.id }
		});
		await appendTicketEvent(tx, target.ticket, {
			actorId: actor.personId,
			by: 'system',
			kind: 'merge',
			public: true,
			data: { fromNumber: ticket.number, fromId: ticket.id }
		});
		await recordAudit(tx, {
			action: 'ticket.merge',
			...caseAudit(actor, after, {
				state: [ticket.state, 'closed'],
				mergedIntoId: [null, target.ticket.id],
				intoNumber: target.ticket.number
			})
		});
		return after;
	});
}
