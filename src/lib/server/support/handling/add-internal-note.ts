import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { can } from '../../policies';
import { NOTE_AUDIENCES } from '../constants';
import { caseAudit, lockCase, minutesSpent, type StepOptions } from './step';
import { parseOrThrow } from '../../errors';

export const addInternalNoteSchema = z.object({
	body: z
		.string({ message: 'handling_error_note_required' })
		.trim()
		.min(1, 'handling_error_note_required')
		.max(10000, 'support_error_too_long'),
	audience: z.enum(NOTE_AUDIENCES, { message: 'privacy_error_note_audience' }).default('staff'),
	/** The time the step took, for the key people's capacity (decision 043). */
	minutes: minutesSpent
});
export type AddInternalNoteInput = z.input<typeof addInternalNoteSchema>;

/**
 * A note only the lines see, never the requester. Anyone who may read internal notes may add one,
 * so a line that has handed the case on can still leave what it knows. Allowed in every state.
 * Its audience is the organization's staff (default) or all lines on the case; a supplier, who
 * reads only the latter, always writes to all lines (a note they could not read back would be lost).
 */
export async function addInternalNote(db: Db, opts: StepOptions<AddInternalNoteInput>) {
	const input = parseOrThrow(addInternalNoteSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor, resource } = await lockCase(tx, opts, 'ticket.note');
		const audience = can(actor, 'ticket.staff_notes', resource) ? input.audience : 'all_lines';
		const { ticket: after, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'note',
			public: false,
			audience,
			body: input.body,
			minutesSpent: input.minutes
		});
		await recordAudit(tx, {
			action: 'ticket.note',
			...caseAudit(actor, after, { eventId: event.id, audience, ...(input.minutes !== null && { minutes: input.minutes }) })
		});
		return after;
	});
}
