import { leadTimeByLine, type SlaEvent, type WorkingCalendar } from '../sla';

/** One solved case's working minutes per line (null: never reached) and in all, as ticket_lead_times stores them. */
export type CaseLeadTime = { line1: number | null; line2: number | null; line3: number | null; total: number };

/**
 * A case's lead time from its whole timeline (decision 064): working time per line on the calendar, up to its last
 * event — time after the case was solved does not count, so a later close or rating changes nothing. A line counts as
 * reached when some event moved the case there (filing sets line 1).
 */
export function leadTimeOf(cal: WorkingCalendar, events: readonly SlaEvent[]): CaseLeadTime {
	const times = leadTimeByLine(cal, events, events[events.length - 1].at);
	const reached = new Set(events.flatMap((e) => (e.lineTo ? [e.lineTo] : [])));
	return {
		line1: reached.has(1) ? times[1] : null,
		line2: reached.has(2) ? times[2] : null,
		line3: reached.has(3) ? times[3] : null,
		total: times[1] + times[2] + times[3]
	};
}
