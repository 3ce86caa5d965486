import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { countRows } from './count-rows';
import type { FollowupFilter } from './followup-filter';

/** OLA compliance of one line: cases with a target for the line that reached it and are judged, and how many broke it. */
export type OlaLineFigure = { line: 1 | 2 | 3; measured: number; breached: number; compliance: number | null };

const LINES = [1, 2, 3] as const;

/**
 * OLA compliance per line (issue 20): of the cases a filter selects that carry a per-line target (tickets.sla_targets
 * → perLine, the snapshot taken when the case was filed) and reached the line (the highest line the case has been on,
 * tickets.max_line, or its line now), those judged — solved or closed, or already in breach of it — and how many broke
 * it (ticket_sla_breaches, kind 'line' with that line). An open case still within its target is not judged yet.
 *
 * Summed from the counts kept per unit and month (decision 077, after 075): the triggers count each case's OLA on its
 * line row, and the days outside whole months are counted from the cases by the same function.
 */
export async function olaCompliance(db: Db, f: FollowupFilter): Promise<OlaLineFigure[]> {
	const sums = LINES.map((l) =>
		sql.raw(`coalesce(sum(r.ola${l}_measured), 0)::int AS measured${l}, coalesce(sum(r.ola${l}_breached), 0)::int AS breached${l}`)
	);
	const [row] = rowsOf<Record<string, number>>(
		await db.execute(sql`SELECT ${sql.join(sums, sql`, `)} FROM (${countRows(f)}) r WHERE r.kind = 'line'`)
	);
	return LINES.map((line) => {
		const measured = Number(row?.[`measured${line}`] ?? 0);
		const breached = Number(row?.[`breached${line}`] ?? 0);
		return { line, measured, breached, compliance: measured ? (measured - breached) / measured : null };
	});
}
