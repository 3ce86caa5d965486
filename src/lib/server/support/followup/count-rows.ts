import { sql, type SQL } from 'drizzle-orm';
import { followupWhere, unitSubtree, type FollowupFilter } from './followup-filter';

const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const monthAfter = (day: string) => {
	const [y, m] = day.split('-').map(Number);
	return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * A period (Stockholm dates, half-open) split into the whole months the kept counts answer and the days before and
 * after them, which are read from the cases: [from, to) = days before + [months.from, months.to) + days after.
 */
export function splitPeriod(
	from: string,
	to: string
): { months: { from: string; to: string } | null; days: { from: string; to: string }[] } {
	const mFrom = firstOfMonth(from) === from ? from : monthAfter(from);
	const mTo = firstOfMonth(to);
	if (mFrom >= mTo) return { months: null, days: from < to ? [{ from, to }] : [] };
	const days = [...(from < mFrom ? [{ from, to: mFrom }] : []), ...(mTo < to ? [{ from: mTo, to }] : [])];
	return { months: { from: mFrom, to: mTo }, days };
}

/**
 * The counted rows of the cases a filter selects (decision 075), with the columns of `support_month_counts`: the kept
 * rows of the period's whole months, and for the days outside whole months the same rows computed from the cases by
 * the same SQL function the triggers use (`support_count_rows`). Every case is in exactly one row of each kind (line,
 * category, cause, rating), so a reader sums the kind it needs. Rows may be at zero (their cases moved away).
 */
export function countRows(f: FollowupFilter): SQL {
	const { months, days } = splitPeriod(f.from, f.to);
	const parts: SQL[] = [];
	if (months) {
		const at: SQL[] = [sql`c.organizer_id = ${f.organizerId}`, sql`c.month >= ${months.from}::date`, sql`c.month < ${months.to}::date`];
		if (f.chain) at.push(sql`c.chain = ${f.chain}`);
		if (f.unitId) at.push(sql`c.unit_id IN (${unitSubtree(f.organizerId, f.unitId)})`);
		parts.push(sql`SELECT c.unit_id, c.month, c.chain, c.kind, c.key, c.cases, c.minutes, c.students,
			c.first_response_measured, c.first_response_breached, c.feedback_measured, c.feedback_breached,
			c.resolution_measured, c.resolution_breached, c.ola1_measured, c.ola1_breached, c.ola2_measured, c.ola2_breached,
			c.ola3_measured, c.ola3_breached
			FROM support_month_counts c WHERE ${sql.join(at, sql` AND `)}`);
	}
	for (const d of days)
		parts.push(sql`SELECT t.unit_id, r.month, t.chain, r.kind, r.key, 1 AS cases, r.minutes, r.students,
			r.fr_measured AS first_response_measured, r.fr_breached AS first_response_breached, r.fb_measured AS feedback_measured,
			r.fb_breached AS feedback_breached, r.res_measured AS resolution_measured, r.res_breached AS resolution_breached,
			r.ola1_measured, r.ola1_breached, r.ola2_measured, r.ola2_breached, r.ola3_measured, r.ola3_breached
			FROM tickets t CROSS JOIN LATERAL support_count_rows(t.id, t.created_at, t.line, t.max_line, t.category_id, t.cause,
				t.rating, t.minutes_lost, t.students_affected, t.state, t.sla_targets) r
			WHERE ${followupWhere({ ...f, from: d.from, to: d.to })}`);
	// An empty period counts nothing: one typed row that every reader's filter drops.
	if (parts.length === 0)
		parts.push(sql`SELECT NULL::uuid AS unit_id, NULL::date AS month, NULL::text AS chain, 'none'::text AS kind, ''::text AS key,
			0 AS cases, 0 AS minutes, 0 AS students, 0 AS first_response_measured, 0 AS first_response_breached,
			0 AS feedback_measured, 0 AS feedback_breached, 0 AS resolution_measured, 0 AS resolution_breached, 0 AS ola1_measured,
			0 AS ola1_breached, 0 AS ola2_measured, 0 AS ola2_breached, 0 AS ola3_measured, 0 AS ola3_breached`);
	return sql.join(parts, sql` UNION ALL `);
}
