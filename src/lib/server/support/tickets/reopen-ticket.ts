import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { getSupportSettings } from '../settings';
import { appendTicketEvent } from './append-event';
import { getTicket } from './get-ticket';
import type { TicketRow } from './ticket-resource';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why the requester reopens. Messages are message keys. */
export const reopenTicketSchema = z.object({
	reason: z.string().trim().min(1, 'tickets_error_reopen_reason').max(10000, 'support_error_too_long')
});

/** The last moment a solved or closed case can be reopened (counted from when it was solved, else closed), or null. */
export function reopenDeadline(ticket: Pick<TicketRow, 'state' | 'solvedAt' | 'closedAt'>, reopenDays: number): Date | null {
	if (ticket.state !== 'solved' && ticket.state !== 'closed') return null;
	const from = ticket.solvedAt ?? ticket.closedAt;
	return from ? new Date(from.getTime() + reopenDays * DAY_MS) : null;
}

/**
 * The requester reopens a solved or closed case within the organizer's `reopenDays`; it goes back
 * to in_progress at the line that held it. Outside the window, or on an open case: CONFLICT.
 */
export async function reopenTicket(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; number: number; input: { reason?: unknown }; now?: Date }
) {
	const parsed = reopenTicketSchema.safeParse(opts.input);
	if (!parsed.success) throw new AppError('INVALID', 'Ogiltig återöppning', zodIssues(parsed.error.issues));
	const settings = await getSupportSettings(db, opts.organizerId);
	return db.transaction(async (tx) => {
		const { ticket, resource } = await getTicket(tx, {
			actor: opts.actor,
			organizerId: opts.organizerId,
			number: opts.number,
			forUpdate: true
		});
		authorize(opts.actor, 'ticket.respond', resource);
		const actor = opts.actor;
		const deadline = reopenDeadline(ticket, settings.reopenDays);
		if (!deadline || (opts.now ?? new Date()) > deadline) {
			throw new AppError('CONFLICT', 'Kan inte återöppnas', [{ field: 'reason', message: 'tickets_error_reopen_window' }]);
		}
		const { ticket: updated, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'requester',
			kind: 'reopen',
			public: true,
			body: parsed.data.reason,
			stateTo: 'in_progress'
		});
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: actor.personId,
			action: 'ticket.reopen',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: { eventId: event.id, state: [ticket.state, 'in_progress'] }
		});
		return updated;
	});
}
