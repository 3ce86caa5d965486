/**
 * The SLA columns of a demo case (sla_status, sla_due_at) and its recorded breaches, from its event
 * log with computeSla, the same figures the product computes.
 */
import { summarizeSla } from '../../support/sla-refresh/summarize-sla';
import { computeSla, type SlaFigure, type SlaStatus, type WorkingCalendar } from '../../support/sla';
import type { TicketSlaTargets } from '../../support/tickets/sla-targets';
import type { PlannedEvent } from './plan-timeline';

export type CaseSla = {
	slaStatus: SlaStatus;
	slaDueAt: Date | null;
	slaOverdueSince: Date | null;
	breaches: { kind: SlaFigure['kind']; line: number; breachedAt: Date }[];
};

/** The case's SLA as the product sums it up (summarizeSla), from its planned event log. */
export function caseSla(
	cal: WorkingCalendar,
	events: readonly PlannedEvent[],
	targets: TicketSlaTargets,
	now: Date,
	open: boolean
): CaseSla {
	const figures = computeSla(
		cal,
		events.map((e) => ({ at: e.at, by: e.by, public: e.public, stateTo: e.stateTo, lineTo: e.lineTo })),
		targets,
		now
	);
	const s = summarizeSla(figures, open);
	return { slaStatus: s.status, slaDueAt: s.dueAt, slaOverdueSince: s.overdueSince, breaches: s.breaches };
}
