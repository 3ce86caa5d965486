import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import type { FollowupFilter } from './followup-filter';
import { countRows } from './count-rows';

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

/**
 * The cases a filter selects, counted per Stockholm month and unit (for trends and per-unit comparisons): summed from
 * the counts kept per unit and month (countRows, decision 075) — the line rows carry the cases, lost time and
 * resolution SLA, the cause rows the classified cases and handhavandefel.
 */
export async function monthlyFigures(db: Db, f: FollowupFilter): Promise<MonthlyFigure[]> {
	const rows = rowsOf<Record<string, unknown>>(
		await db.execute(sql`SELECT to_char(r.month, 'YYYY-MM-DD') AS month, r.unit_id,
			sum(r.cases) FILTER (WHERE r.kind = 'line')::int AS cases,
			coalesce(sum(r.minutes) FILTER (WHERE r.kind = 'line'), 0)::int AS minutes,
			coalesce(sum(r.cases) FILTER (WHERE r.kind = 'cause' AND r.key <> ''), 0)::int AS classified,
			coalesce(sum(r.cases) FILTER (WHERE r.kind = 'cause' AND r.key = 'user_error'), 0)::int AS user_errors,
			coalesce(sum(r.resolution_measured) FILTER (WHERE r.kind = 'line'), 0)::int AS measured,
			coalesce(sum(r.resolution_breached) FILTER (WHERE r.kind = 'line'), 0)::int AS breached
		FROM (${countRows(f)}) r WHERE r.kind IN ('line', 'cause')
		GROUP BY r.month, r.unit_id HAVING sum(r.cases) FILTER (WHERE r.kind = 'line') > 0 ORDER BY r.month`)
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
