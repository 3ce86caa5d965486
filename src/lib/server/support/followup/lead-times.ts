import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { leadTimeByLine, type SlaEvent, type SlaLine, type SlaState, type WorkingCalendar } from '../sla';
import { followupWhere, type FollowupFilter } from './followup-filter';
import { percentiles } from './school-years';
import { rowsOf } from '../../db/rows';

type EventRow = {
	ticket_id: string;
	created_at: string | Date;
	by: string;
	public: boolean;
	state_to: string | null;
	line_to: number | null;
};

/**
 * Median and 90th-percentile working time per line (and in all) for the solved cases a filter selects,
 * computed from each case's timeline on the organizer's calendar. Time waiting on the requester does not count.
 */
export async function leadTimes(db: Db, f: FollowupFilter, cal: WorkingCalendar) {
	const res = await db.execute(sql`SELECT e.ticket_id, e.created_at, e.by, e.public, e.state_to, e.line_to
		FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
		WHERE ${followupWhere(f)} AND t.solved_at IS NOT NULL
		ORDER BY e.ticket_id, e.id`);
	const byTicket = new Map<string, SlaEvent[]>();
	for (const r of rowsOf<EventRow>(res)) {
		const list = byTicket.get(r.ticket_id) ?? [];
		list.push({
			at: new Date(r.created_at),
			by: r.by as SlaEvent['by'],
			public: r.public,
			...(r.state_to ? { stateTo: r.state_to as SlaState } : {}),
			...(r.line_to ? { lineTo: r.line_to as SlaLine } : {})
		});
		byTicket.set(r.ticket_id, list);
	}
	const perLine: Record<SlaLine, number[]> = { 1: [], 2: [], 3: [] };
	const total: number[] = [];
	for (const events of byTicket.values()) {
		const last = events[events.length - 1].at;
		const times = leadTimeByLine(cal, events, last);
		const reached = new Set(events.flatMap((e) => (e.lineTo ? [e.lineTo] : [])));
		for (const line of [1, 2, 3] as const) if (reached.has(line)) perLine[line].push(times[line]);
		total.push(times[1] + times[2] + times[3]);
	}
	return {
		lines: ([1, 2, 3] as const).map((line) => ({ line, ...percentiles(perLine[line]) })),
		total: percentiles(total)
	};
}
