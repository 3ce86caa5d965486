import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { addAttachments } from './add-attachments';
import { appendTicketEvent } from './append-event';
import { attempt, checkAttachments, type IncomingFile } from './check-attachment';
import { getTicket } from './get-ticket';

/** A requester's public reply. Messages are message keys. */
export const respondToTicketSchema = z.object({
	body: z.string().trim().min(1, 'tickets_error_reply_required').max(10000, 'support_error_too_long')
});

/**
 * The requester answers on their case (public, files allowed). While the case waits on the
 * requester, the answer hands it back to support (in_progress). A solved or closed case takes
 * no replies: it must be reopened first (CONFLICT).
 */
export async function respondToTicket(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; number: number; input: { body?: unknown }; attachments?: IncomingFile[] }
) {
	const parsed = respondToTicketSchema.safeParse(opts.input);
	const fileCheck = attempt(() => checkAttachments(opts.attachments));
	if (!parsed.success || 'issues' in fileCheck) {
		const issues = [...(parsed.success ? [] : zodIssues(parsed.error.issues)), ...('issues' in fileCheck ? fileCheck.issues : [])];
		throw new AppError('INVALID', 'Ogiltigt svar', issues);
	}
	return db.transaction(async (tx) => {
		const { ticket, resource } = await getTicket(tx, {
			actor: opts.actor,
			organizerId: opts.organizerId,
			number: opts.number,
			forUpdate: true
		});
		authorize(opts.actor, 'ticket.respond', resource);
		const actor = opts.actor;
		if (ticket.state === 'solved' || ticket.state === 'closed') {
			throw new AppError('CONFLICT', 'Ärendet är avslutat', [{ field: 'body', message: 'tickets_error_reply_closed' }]);
		}
		const stateTo = ticket.state === 'waiting_requester' ? ('in_progress' as const) : undefined;
		const { ticket: updated, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'requester',
			kind: 'reply',
			public: true,
			body: parsed.data.body,
			stateTo
		});
		const stored = await addAttachments(tx, { ticket: updated, eventId: event.id, actorId: actor.personId, files: fileCheck.value });
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: actor.personId,
			action: 'ticket.respond',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: {
				eventId: event.id,
				...(stateTo && { state: [ticket.state, stateTo] }),
				...(stored.length > 0 && { attachments: stored.map((a) => a.fileName) })
			}
		});
		return updated;
	});
}
