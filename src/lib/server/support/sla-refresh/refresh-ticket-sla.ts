import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketEvents, tickets, ticketSlaBreaches } from '../../db/schema';
import { OPEN_STATES, type TicketState } from '../constants';
import { computeSla, type SlaEvent, type SlaLine, type SlaState, type WorkingCalendar } from '../sla';
import type { TicketRow } from '../tickets/ticket-resource';
import { readTargetsSnapshot, summarizeSla, type SlaSummary } from './summarize-sla';
import { workingCalendarFor } from './working-calendar-for';
import { notifySlaChange } from '../../notifications/record-notifications';
import { rowsOf } from '../../db/rows';

type EventRow = Pick<typeof ticketEvents.$inferSelect, 'ticketId' | 'createdAt' | 'by' | 'public' | 'stateTo' | 'lineTo'>;

/** The timelines of several cases as SLA events, in time order (ties kept in the order they were written). */
export async function loadSlaEvents(db: Db, ticketIds: string[]): Promise<Map<string, SlaEvent[]>> {
	const rows: EventRow[] = ticketIds.length
		? await db
				.select({
					ticketId: ticketEvents.ticketId,
					createdAt: ticketEvents.createdAt,
					by: ticketEvents.by,
					public: ticketEvents.public,
					stateTo: ticketEvents.stateTo,
					lineTo: ticketEvents.lineTo
				})
				.from(ticketEvents)
				.where(inArray(ticketEvents.ticketId, ticketIds))
				.orderBy(asc(ticketEvents.createdAt), asc(ticketEvents.id))
		: [];
	const out = new Map<string, SlaEvent[]>(ticketIds.map((id) => [id, []]));
	for (const r of rows) {
		out.get(r.ticketId)?.push({
			at: r.createdAt,
			by: r.by as SlaEvent['by'],
			public: r.public,
			...(r.stateTo ? { stateTo: r.stateTo as SlaState } : {}),
			...(r.lineTo ? { lineTo: r.lineTo as SlaLine } : {})
		});
	}
	return out;
}

/** The SLA summary of one case at `now`, from its timeline and its own targets snapshot. */
export function summarizeTicketSla(cal: WorkingCalendar, ticket: TicketRow, events: SlaEvent[], now: Date): SlaSummary {
	const open = OPEN_STATES.includes(ticket.state as TicketState);
	if (events.length === 0) return summarizeSla([], open);
	return summarizeSla(computeSla(cal, events, readTargetsSnapshot(ticket.slaTargets), now), open);
}

/**
 * Stores a summary on the case (only when something changed) and records its breaches once each:
 * a breach already recorded is kept as it was, even if the targets change later.
 */
export async function storeSlaSummary(tx: Db, ticket: TicketRow, s: SlaSummary, now?: Date): Promise<void> {
	const atRisk = s.status === 'at_risk' && (ticket.slaStatus !== 'at_risk' || ticket.slaDueAt?.getTime() !== s.dueAt?.getTime());
	const overdueChanged = ticket.slaOverdueSince?.getTime() !== s.overdueSince?.getTime();
	if (ticket.slaStatus !== s.status || ticket.slaDueAt?.getTime() !== s.dueAt?.getTime() || overdueChanged) {
		await tx
			.update(tickets)
			.set({ slaStatus: s.status, slaDueAt: s.dueAt, slaOverdueSince: s.overdueSince })
			.where(eq(tickets.id, ticket.id));
		// The caller's row (appendTicketEvent returns it) stays in step with the database.
		ticket.slaStatus = s.status;
		ticket.slaDueAt = s.dueAt;
		ticket.slaOverdueSince = s.overdueSince;
	}
	const breaches = s.breaches.length
		? await tx
				.insert(ticketSlaBreaches)
				.values(s.breaches.map((b) => ({ ticketId: ticket.id, organizerId: ticket.organizerId, ...b })))
				.onConflictDoNothing({ target: [ticketSlaBreaches.ticketId, ticketSlaBreaches.kind, ticketSlaBreaches.line] })
				.returning({ kind: ticketSlaBreaches.kind, line: ticketSlaBreaches.line })
		: [];
	// Notifications about the turn (decision 026): a warning once per deadline, a breach once.
	if (atRisk || breaches.length) await notifySlaChange(tx, ticket, { atRisk, breaches, now });
}

/**
 * Recomputes one case's SLA from its event log and its targets snapshot: sets `sla_status` and `sla_due_at`
 * and records breaches (once). Call it in the transaction that changed the case; `now` defaults to the
 * database's transaction time, so it agrees with the time stamp of the event just written.
 */
export async function refreshTicketSla(
	tx: Db,
	ticket: TicketRow,
	opts: { now?: Date; calendar?: WorkingCalendar } = {}
): Promise<SlaSummary> {
	const now = opts.now ?? (await transactionTime(tx));
	const cal = opts.calendar ?? (await workingCalendarFor(tx, ticket.organizerId));
	const events = (await loadSlaEvents(tx, [ticket.id])).get(ticket.id) ?? [];
	const summary = summarizeTicketSla(cal, ticket, events, now);
	await storeSlaSummary(tx, ticket, summary, now);
	return summary;
}

async function transactionTime(db: Db): Promise<Date> {
	const result = await db.execute(sql`SELECT now() AS now`);
	const row = rowsOf<{ now: string | Date }>(result)[0];
	return new Date(row.now);
}
