import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketEvents, tickets } from '../../db/schema';
import type { EventKind, NoteAudience, TicketState } from '../constants';
import { afterTicketEvent } from './after-event';
import type { TicketRow } from './ticket-resource';
import { queueCaseWebhooks } from '../../integrations/webhooks/queue-case-webhooks';

export type NewTicketEvent = {
	actorId: string | null;
	by: 'requester' | 'handler' | 'system';
	kind: EventKind;
	public: boolean;
	/** An internal note's readers: staff (default) or all_lines (suppliers too). */
	audience?: NoteAudience;
	body?: string;
	stateTo?: TicketState;
	lineTo?: 1 | 2 | 3;
	data?: Record<string, unknown>;
	/** The time a handler wrote down for the step, in minutes (decision 043). */
	minutesSpent?: number | null;
	/** Other columns of the case that change with this event (team, assignee, cause …). */
	patch?: Partial<typeof tickets.$inferInsert>;
};

export type TicketEventRow = typeof ticketEvents.$inferSelect;

/**
 * The one way a case changes: writes the event to the timeline and moves the case's
 * state, line and time stamps with it, in the caller's transaction. Returns the updated case.
 */
export async function appendTicketEvent(
	tx: Db,
	ticket: TicketRow,
	e: NewTicketEvent
): Promise<{ ticket: TicketRow; event: TicketEventRow }> {
	const [event] = await tx
		.insert(ticketEvents)
		.values({
			ticketId: ticket.id,
			organizerId: ticket.organizerId,
			actorId: e.actorId,
			by: e.by,
			kind: e.kind,
			public: e.public,
			audience: e.audience ?? 'staff',
			body: e.body ?? '',
			stateTo: e.stateTo ?? null,
			lineTo: e.lineTo ?? null,
			data: e.data ?? {},
			minutesSpent: e.minutesSpent ?? null
		})
		.returning();
	const now = event.createdAt;
	const patch: Partial<typeof tickets.$inferInsert> = { ...e.patch, updatedAt: now };
	if (e.stateTo) {
		patch.state = e.stateTo;
		patch.waitingSince = e.stateTo === 'waiting_requester' ? now : null;
		if (e.stateTo === 'solved') Object.assign(patch, { solvedAt: now, solvedById: e.actorId });
		if (e.stateTo === 'closed') patch.closedAt = now;
		if (e.stateTo !== 'solved' && e.stateTo !== 'closed') Object.assign(patch, { solvedAt: null, solvedById: null, closedAt: null });
	}
	if (e.lineTo) patch.line = e.lineTo;
	// The highest line reached stays on the case, so the follow-up needs no look at the timeline (decision 064).
	const line = patch.line ?? ticket.line;
	if (line > (ticket.maxLine ?? 1)) patch.maxLine = line;
	if (e.by === 'handler' && e.public && !ticket.firstResponseAt) patch.firstResponseAt = now;
	const [updated] = await tx.update(tickets).set(patch).where(eq(tickets.id, ticket.id)).returning();
	await afterTicketEvent(tx, updated, event);
	// Subscribed webhooks hear of the step (decision 052), in this transaction: only a saved step is sent.
	await queueCaseWebhooks(tx, updated, event, ticket.line);
	return { ticket: updated, event };
}
