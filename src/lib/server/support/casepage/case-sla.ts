import type { Db } from '../../db';
import { OPEN_STATES, type TicketState } from '../constants';
import { computeSla, type SlaFigure, type SlaStatus } from '../sla';
import { loadSlaEvents } from '../sla-refresh/refresh-ticket-sla';
import { readTargetsSnapshot } from '../sla-refresh/summarize-sla';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import type { TicketRow } from '../tickets/ticket-resource';

/** One due time as the case page shows it. */
export type CaseDue = {
	kind: SlaFigure['kind'];
	/** Set for the current line's OLA. */
	line: number | null;
	status: SlaStatus;
	/** When the clock runs out (null while paused or stopped); in the past for a running clock that is overdue. */
	dueAt: string | null;
	breachedAt: string | null;
};

export type CaseSla = {
	/** First response, feedback, resolution and the current line's OLA, each only when the case has that target. */
	dues: CaseDue[];
	/** "Du får återkoppling senast …": the running feedback (else first response) deadline, when it lies ahead. */
	feedbackBy: string | null;
};

const ORDER: SlaFigure['kind'][] = ['first_response', 'feedback', 'resolution', 'line'];

/**
 * The case's SLA figures now, computed from its event log, targets snapshot and the organizer's working calendar
 * with the same code that keeps the queue's columns (computeSla), so the page and the queue agree.
 */
export async function getCaseSla(db: Db, ticket: TicketRow, now = new Date()): Promise<CaseSla> {
	const events = (await loadSlaEvents(db, [ticket.id])).get(ticket.id) ?? [];
	const cal = await workingCalendarFor(db, ticket.organizerId);
	if (events.length === 0) return { dues: [], feedbackBy: null };
	const figures = computeSla(cal, events, readTargetsSnapshot(ticket.slaTargets), now)
		.filter((f) => f.kind !== 'line' || f.line === ticket.line)
		.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
	const open = OPEN_STATES.includes(ticket.state as TicketState);
	const ahead = (f: SlaFigure | undefined) => (open && f?.dueAt && f.dueAt > now && f.status !== 'breached' ? f.dueAt.toISOString() : null);
	return {
		dues: figures.map((f) => ({
			kind: f.kind,
			line: f.line ?? null,
			status: f.status,
			dueAt: f.dueAt?.toISOString() ?? null,
			breachedAt: f.breachedAt?.toISOString() ?? null
		})),
		feedbackBy: ahead(figures.find((f) => f.kind === 'feedback')) ?? ahead(figures.find((f) => f.kind === 'first_response'))
	};
}
