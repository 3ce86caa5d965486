import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { CAUSES } from '../constants';
import { appendTicketEvent } from '../tickets/append-event';
import { isOpen } from './rules';
import { caseAudit, lockCase, checkbox, minutesSpent, type StepOptions } from './step';
import { conflict, parseOrThrow } from '../../errors';

export const solveTicketSchema = z.object({
	/** What was done, in words the requester understands. */
	solution: z
		.string({ message: 'handling_error_solution_required' })
		.trim()
		.min(1, 'handling_error_solution_required')
		.max(10000, 'support_error_too_long'),
	/** Why it happened; user_error is handhavandefel, which feeds training and self-help. */
	cause: z.enum(CAUSES, { message: 'handling_error_choose_cause' }),
	selfHelp: checkbox.default(false),
	/** The time the step took, for the key people's capacity (decision 043). */
	minutes: minutesSpent
});
export type SolveTicketInput = z.input<typeof solveTicketSchema>;

/** Solves an open case with a public solution and a cause, optionally flagging it as self-help material. */
export async function solveTicket(db: Db, opts: StepOptions<SolveTicketInput>) {
	const input = parseOrThrow(solveTicketSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('solution', 'handling_error_case_not_open');
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'solve',
			public: true,
			body: input.solution,
			stateTo: 'solved',
			data: { cause: input.cause, selfHelpSuggested: input.selfHelp },
			patch: { cause: input.cause, selfHelpSuggested: input.selfHelp },
			minutesSpent: input.minutes
		});
		await recordAudit(tx, {
			action: 'ticket.solve',
			...caseAudit(actor, after, {
				state: [ticket.state, 'solved'],
				cause: [ticket.cause, input.cause],
				selfHelpSuggested: [ticket.selfHelpSuggested, input.selfHelp],
				...(input.minutes !== null && { minutes: input.minutes })
			})
		});
		return after;
	});
}
