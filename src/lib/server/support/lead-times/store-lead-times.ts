import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketLeadTimes } from '../../db/schema';
import { rowsOf } from '../../db/rows';
import type { SlaEvent, SlaLine, SlaState, WorkingCalendar } from '../sla';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { leadTimeOf } from './lead-time-of';

type EventRow = {
	ticket_id: string;
	/** The case's filing time as PostgreSQL's text, to the microsecond (a JS Date keeps only milliseconds). */
	filed_at: string;
	created_at: string | Date;
	by: string;
	public: boolean;
	state_to: string | null;
	line_to: number | null;
};

/**
 * Computes and stores (or replaces) the lead time of some solved cases of one organizer from their timelines
 * (decision 064), with the case's filing time (decision 072). Events are read in the order they were written, as the
 * follow-up always read them. Cases without events are skipped. Returns how many rows it wrote.
 */
export async function storeLeadTimes(db: Db, o: { organizerId: string; ticketIds: string[]; calendar?: WorkingCalendar }): Promise<number> {
	if (o.ticketIds.length === 0) return 0;
	const cal = o.calendar ?? (await workingCalendarFor(db, o.organizerId));
	const res = await db.execute(sql`SELECT e.ticket_id, t.created_at::text AS filed_at, e.created_at, e.by, e.public, e.state_to, e.line_to
		FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
		WHERE e.ticket_id IN (SELECT unnest(${`{${o.ticketIds.join(',')}}`}::uuid[]))
		ORDER BY e.ticket_id, e.id`);
	const byTicket = new Map<string, SlaEvent[]>();
	const filed = new Map<string, string>();
	for (const r of rowsOf<EventRow>(res)) {
		if (!filed.has(r.ticket_id)) filed.set(r.ticket_id, r.filed_at);
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
	const values = [...byTicket].map(([ticketId, events]) => {
		const t = leadTimeOf(cal, events);
		return {
			ticketId,
			organizerId: o.organizerId,
			line1Minutes: t.line1,
			line2Minutes: t.line2,
			line3Minutes: t.line3,
			totalMinutes: t.total,
			// Exactly the case's created_at (the follow-up joins on equality), not a millisecond Date.
			filedAt: sql`${filed.get(ticketId)!}::timestamptz`
		};
	});
	for (let i = 0; i < values.length; i += 2000) {
		await db
			.insert(ticketLeadTimes)
			.values(values.slice(i, i + 2000))
			.onConflictDoUpdate({
				target: ticketLeadTimes.ticketId,
				set: {
					line1Minutes: sql`excluded.line1_minutes`,
					line2Minutes: sql`excluded.line2_minutes`,
					line3Minutes: sql`excluded.line3_minutes`,
					totalMinutes: sql`excluded.total_minutes`,
					filedAt: sql`excluded.filed_at`,
					computedAt: sql`now()`
				}
			});
	}
	return values.length;
}
