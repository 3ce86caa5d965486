import { buildPeriods, isCounting, isOpen, type SlaEvent, type SlaLine } from './sla-timeline';
import type { WorkingCalendar } from './working-calendar';
import { workingMsBetween } from './working-minutes';

export type LeadTimeOptions = {
	/** Also count time spent waiting on the requester (default false: the same rule as the SLA clocks). */
	countPaused?: boolean;
};

/**
 * Working minutes a case has spent at each line from its filing until now, for the follow-up report.
 * Time after the case was solved or closed does not count; lines never reached have 0.
 */
export function leadTimeByLine(
	cal: WorkingCalendar,
	events: readonly SlaEvent[],
	now: Date,
	options: LeadTimeOptions = {}
): Record<SlaLine, number> {
	const totals: Record<SlaLine, number> = { 1: 0, 2: 0, 3: 0 };
	const nowMs = Math.max(now.getTime(), events[0]?.at.getTime() ?? 0);
	for (const p of buildPeriods(events, nowMs)) {
		const counts = options.countPaused ? isOpen(p.state) : isCounting(p);
		if (counts) totals[p.line] += workingMsBetween(cal, p.from, p.to);
	}
	return { 1: totals[1] / 60_000, 2: totals[2] / 60_000, 3: totals[3] / 60_000 };
}
