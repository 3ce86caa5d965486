import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import type { TicketState } from '../constants';
import { appendTicketEvent } from '../tickets/append-event';
import { caseAudit, lockCase, checkbox, minutesSpent, type StepOptions } from './step';
import { conflict, parseOrThrow } from '../../errors';

export const replyToRequesterSchema = z.object({
	body: z
		.string({ message: 'handling_error_reply_required' })
		.trim()
		.min(1, 'handling_error_reply_required')
		.max(10000, 'support_error_too_long'),
	/** Ask the requester something and wait for the answer (the SLA clock pauses). */
	waitForRequester: checkbox.default(false),
	/** The time the step took, for the key people's capacity (decision 043). */
	minutes: minutesSpent
});
export type ReplyToRequesterInput = z.input<typeof replyToRequesterSchema>;

/**
 * A public reply the requester sees. A reply to a new case starts the work (in progress);
 * with `waitForRequester` the case waits on the requester in the same step. Closed cases take no replies.
 */
export async function replyToRequester(db: Db, opts: StepOptions<ReplyToRequesterInput>) {
	const input = parseOrThrow(replyToRequesterSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (ticket.state === 'closed') throw conflict('body', 'handling_error_case_closed');
		if (input.waitForRequester && ticket.state === 'solved') throw conflict('waitForRequester', 'handling_error_wait_when_solved');
		const stateTo: TicketState | undefined = input.waitForRequester
			? 'waiting_requester'
			: ticket.state === 'new'
				? 'in_progress'
				: undefined;
		const { ticket: after, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'reply',
			public: true,
			body: input.body,
			stateTo,
			minutesSpent: input.minutes
		});
		await recordAudit(tx, {
			action: 'ticket.reply',
			...caseAudit(actor, after, {
				eventId: event.id,
				...(stateTo && { state: [ticket.state, stateTo] }),
				...(input.minutes !== null && { minutes: input.minutes })
			})
		});
		return after;
	});
}
