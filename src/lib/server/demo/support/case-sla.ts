/**
 * The SLA columns of a demo case (sla_status, sla_due_at) and its recorded breaches, from its event
 * log with computeSla, the same figures the product computes.
 */
import { summarizeSla } from '../../support/sla-refresh/summarize-sla';
import { computeSla, type SlaFigure, type WorkingCalendar } from '../../support/sla';
import type { TicketSlaTargets } from '../../support/tickets/sla-targets';
import type { PlannedEvent } from './plan-timeline';

export type CaseSla = {
	slaStatus: 'running' | 'at_risk' | 'breached' | 'paused' | 'met';
	slaDueAt: Date | null;
	slaOverdueSince: Date | null;
	breaches: { kind: SlaFigure['kind']; line: number; breachedAt: Date }[];
};

const ORDER: CaseSla['slaStatus'][] = ['breached', 'at_risk', 'running', 'paused', 'met'];

/** Worst status of the figures; the earliest deadline still running (null once the case is solved). */
export function caseSla(cal: WorkingCalendar, events: readonly PlannedEvent[], targets: TicketSlaTargets, now: Date, open: boolean): CaseSla {
	const figures = computeSla(
		cal,
		events.map((e) => ({ at: e.at, by: e.by, public: e.public, stateTo: e.stateTo, lineTo: e.lineTo })),
		targets,
		now
	);
	const statuses = new Set<string>(figures.map((f) => f.status));
	let slaStatus = ORDER.find((s) => statuses.has(s)) ?? 'met';
	if (!open && slaStatus !== 'breached') slaStatus = 'met';
	const due = open ? figures.flatMap((f) => (f.dueAt ? [f.dueAt.getTime()] : [])) : [];
	return {
		slaStatus,
		slaDueAt: due.length ? new Date(Math.min(...due)) : null,
		slaOverdueSince: summarizeSla(figures, open).overdueSince,
		breaches: figures.flatMap((f) => (f.breachedAt ? [{ kind: f.kind, line: f.line ?? 0, breachedAt: f.breachedAt }] : []))
	};
}
