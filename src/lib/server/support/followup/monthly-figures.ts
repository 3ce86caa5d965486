import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { followupWhere, type FollowupFilter } from './followup-filter';

/**
 * The main support figures of one calendar month (Stockholm time), as sums that add up over months: so a trend by
 * term or school year is the sum of its months. `unitId` is the case's own unit (roll it up to areas yourself).
 */
export type MonthlyFigure = {
	/** First day of the month, "2025-09-01". */
	month: string;
	unitId: string;
	cases: number;
	minutesLost: number;
	/** Cases with a cause set, and of those handhavandefel (user_error). */
	classified: number;
	userErrors: number;
	/** Resolution SLA: cases judged against a resolution target and those that broke it. */
	slaMeasured: number;
	slaBreached: number;
};

/** The cases a filter selects, counted per Stockholm month and unit (for trends and per-unit comparisons). */
export async function monthlyFigures(db: Db, f: FollowupFilter): Promise<MonthlyFigure[]> {
	const rows = rowsOf<Record<string, unknown>>(
		// The month is computed in a subquery kept apart by OFFSET 0: grouped on the expression itself, PostgreSQL
		// expected one group per case and sorted every case of the three school years on disk; a column without
		// statistics makes it expect few groups and hash them (decision 074). Same rows, same sums.
		await db.execute(sql`SELECT to_char(t.month, 'YYYY-MM-DD') AS month,
			t.unit_id, count(*)::int AS cases, coalesce(sum(t.minutes_lost), 0)::int AS minutes,
			count(*) FILTER (WHERE t.cause IS NOT NULL)::int AS classified,
			count(*) FILTER (WHERE t.cause = 'user_error')::int AS user_errors,
			count(*) FILTER (WHERE t.resolution AND (t.state IN ('solved','closed') OR b.ticket_id IS NOT NULL))::int AS measured,
			count(b.ticket_id) FILTER (WHERE t.resolution)::int AS breached
		FROM (
			SELECT t.id, t.unit_id, t.minutes_lost, t.cause, t.state, t.sla_targets ? 'resolution' AS resolution,
				date_trunc('month', t.created_at AT TIME ZONE 'Europe/Stockholm') AS month
			FROM tickets t WHERE ${followupWhere(f)} OFFSET 0
		) t
		LEFT JOIN ticket_sla_breaches b ON b.ticket_id = t.id AND b.kind = 'resolution' AND b.line = 0
		GROUP BY t.month, t.unit_id ORDER BY t.month`)
	);
	return rows.map((r) => ({
		month: String(r.month),
		unitId: String(r.unit_id),
		cases: Number(r.cases),
		minutesLost: Number(r.minutes),
		classified: Number(r.classified),
		userErrors: Number(r.user_errors),
		slaMeasured: Number(r.measured),
		slaBreached: Number(r.breached)
	}));
}
