import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { WorkingCalendar } from '../sla';
import type { SupportSettings } from '../settings';
import { appendTicketEvent } from '../tickets/append-event';
import { reopenDeadline } from '../tickets/reopen-ticket';
import { workingDaysAfter } from './remind-or-close-ticket';

const DAY_MS = 86_400_000;

/** The event data of a solved case closed by itself; the timeline and the mail read `closedFrom`. */
export type SolvedCloseData = {
	closedFrom: 'solved';
	solvedAt: string;
	closeSolvedDays: number;
	reopenDays: number;
	/** Whole days left to reopen after this close (the window counts from the solve); 0 when it has passed. */
	reopenDaysLeft: number;
};

/**
 * Closes one solved case at `now` when it has been solved for `closeSolvedDays` working days on the organizer's
 * calendar and the requester has not reopened it (a reopen takes it out of "solved" and a new solve starts the
 * count again); 0 days means never. Runs in its own transaction with the case locked and checks again under the
 * lock, so running twice or on two nodes closes once. A public `auto_close` event says why; audited as
 * ticket.auto_close. The requester can still reopen within the reopen window, which counts from the solve.
 */
export async function closeSolvedTicket(
	db: Db,
	opts: { ticketId: string; organizerId: string; now: Date; calendar: WorkingCalendar; settings: SupportSettings }
): Promise<boolean> {
	const { now, settings } = opts;
	if (settings.closeSolvedDays <= 0) return false;
	return db.transaction(async (tx) => {
		const [ticket] = await tx
			.select()
			.from(tickets)
			.where(and(eq(tickets.id, opts.ticketId), eq(tickets.organizerId, opts.organizerId)))
			.for('update');
		if (!ticket || ticket.state !== 'solved' || !ticket.solvedAt) return false;
		if (now < workingDaysAfter(opts.calendar, ticket.solvedAt, settings.closeSolvedDays)) return false;
		const deadline = reopenDeadline(ticket, settings.reopenDays);
		const data: SolvedCloseData = {
			closedFrom: 'solved',
			solvedAt: ticket.solvedAt.toISOString(),
			closeSolvedDays: settings.closeSolvedDays,
			reopenDays: settings.reopenDays,
			reopenDaysLeft: deadline ? Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / DAY_MS)) : 0
		};
		await appendTicketEvent(tx, ticket, { actorId: null, by: 'system', kind: 'auto_close', public: true, stateTo: 'closed', data });
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: null,
			action: 'ticket.auto_close',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: { state: [ticket.state, 'closed'], closedFrom: 'solved', solvedAt: data.solvedAt, closeSolvedDays: settings.closeSolvedDays }
		});
		return true;
	});
}
