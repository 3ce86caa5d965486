import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { followupWhere, type FollowupFilter } from './followup-filter';

/** OLA compliance of one line: cases with a target for the line that reached it and are judged, and how many broke it. */
export type OlaLineFigure = { line: 1 | 2 | 3; measured: number; breached: number; compliance: number | null };

/**
 * OLA compliance per line (issue 20): of the cases a filter selects that carry a per-line target (tickets.sla_targets
 * → perLine, the snapshot taken when the case was filed) and reached the line, those judged — solved or closed, or
 * already in breach of it — and how many broke it (ticket_sla_breaches, kind 'line' with that line). An open case
 * still within its target is not judged yet.
 */
export async function olaCompliance(db: Db, f: FollowupFilter): Promise<OlaLineFigure[]> {
	const rows = rowsOf<{ line: number; measured: number; breached: number }>(
		await db.execute(sql`SELECT l.line,
			count(*) FILTER (WHERE t.state IN ('solved','closed') OR b.ticket_id IS NOT NULL)::int AS measured,
			count(b.ticket_id)::int AS breached
		FROM tickets t
		CROSS JOIN (VALUES (1), (2), (3)) AS l(line)
		LEFT JOIN ticket_sla_breaches b ON b.ticket_id = t.id AND b.kind = 'line' AND b.line = l.line
		WHERE ${followupWhere(f)}
			AND (t.sla_targets -> 'perLine') ? (l.line::text)
			AND (l.line = 1 OR t.line >= l.line OR EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.line_to = l.line))
		GROUP BY l.line`)
	);
	return ([1, 2, 3] as const).map((line) => {
		const r = rows.find((x) => Number(x.line) === line);
		const measured = Number(r?.measured ?? 0);
		const breached = Number(r?.breached ?? 0);
		return { line, measured, breached, compliance: measured ? (measured - breached) / measured : null };
	});
}
