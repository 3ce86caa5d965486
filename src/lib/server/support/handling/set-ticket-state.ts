import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { SETTABLE_STATES, canSetState } from './rules';
import { caseAudit, lockCase, type StepOptions } from './step';
import { conflict, parseOrThrow } from '../../errors';

export const setTicketStateSchema = z.object({
	state: z.enum(SETTABLE_STATES, { message: 'handling_error_choose_state' }),
	/** Optional words for the requester about why (e.g. which supplier it waits on). */
	comment: z.string().trim().max(2000, 'support_error_too_long').optional()
});
export type SetTicketStateInput = z.input<typeof setTicketStateSchema>;

/**
 * Moves an open case between in progress and waiting (on the requester or on a supplier), along
 * the transition table in rules.ts. Solving and closing have their own steps.
 */
export async function setTicketState(db: Db, opts: StepOptions<SetTicketStateInput>) {
	const input = parseOrThrow(setTicketStateSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (ticket.state === input.state) throw conflict('state', 'handling_error_state_unchanged');
		if (!canSetState(ticket.state, input.state)) throw conflict('state', 'handling_error_state_not_allowed');
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'state',
			public: true,
			body: input.comment ?? '',
			stateTo: input.state,
			data: { stateFrom: ticket.state }
		});
		await recordAudit(tx, { action: 'ticket.set_state', ...caseAudit(actor, after, { state: [ticket.state, after.state] }) });
		return after;
	});
}
