import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { caseAudit, lockCase, parseStep, type StepOptions } from './step';

export const addInternalNoteSchema = z.object({
	body: z.string({ message: 'handling_error_note_required' }).trim().min(1, 'handling_error_note_required').max(10000, 'support_error_too_long')
});
export type AddInternalNoteInput = z.input<typeof addInternalNoteSchema>;

/**
 * A note only the lines see, never the requester. Anyone who may read internal notes may add one,
 * so a line that has handed the case on can still leave what it knows. Allowed in every state.
 */
export async function addInternalNote(db: Db, opts: StepOptions<AddInternalNoteInput>) {
	const input = parseStep(addInternalNoteSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.internal');
		const { ticket: after, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'note',
			public: false,
			body: input.body
		});
		await recordAudit(tx, { action: 'ticket.note', ...caseAudit(actor, after, { eventId: event.id }) });
		return after;
	});
}
