import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import type { WorkingCalendar } from '../sla';
import { followupWhere, type FollowupFilter } from './followup-filter';
import { rowsOf } from '../../db/rows';
import { storeLeadTimes } from '../lead-times/store-lead-times';

type Percentiles = { median: number | null; p90: number | null; n: number };
type Row = Record<string, number | string | null>;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const LINES = [1, 2, 3] as const;
/** At most this many missing cases are computed on a read; the backfill job does the rest. */
const LAZY_MAX = 20_000;

/** Median and p90 (nearest rank, as percentiles() in school-years.ts: percentile_disc is the same rule) and n. */
const agg = (col: string) =>
	sql.raw(`percentile_disc(0.5) WITHIN GROUP (ORDER BY l.${col}) AS ${col}_median,
		percentile_disc(0.9) WITHIN GROUP (ORDER BY l.${col}) AS ${col}_p90, count(l.${col})::int AS ${col}_n`);

/**
 * The stored lead time of case `t`, read through the index on (organizer, filing time) for the filter's period only
 * (decision 072): the filing time on the stored row is the case's, so these are the same rows as joining on the id
 * alone, without a hash over every stored row of the organizer. A row whose filing time no longer matches the case's
 * (a timeline rewritten in bulk) counts as missing and is computed again.
 */
const storedFor = (f: FollowupFilter) => sql`l.ticket_id = t.id AND l.organizer_id = ${f.organizerId} AND l.filed_at = t.created_at
	AND l.filed_at >= (${f.from}::timestamp AT TIME ZONE 'Europe/Stockholm')
	AND l.filed_at < (${f.to}::timestamp AT TIME ZONE 'Europe/Stockholm')`;

/**
 * Median and 90th-percentile working time per line (and in all) for the solved cases a filter selects, from the lead
 * times stored when each case was solved (ticket_lead_times, decision 064; computed from the case's timeline on the
 * organizer's calendar, time waiting on the requester not counted). Solved cases without a stored lead time (solved
 * before it was stored, or written in bulk) are computed from their timelines here first.
 */
export async function leadTimes(db: Db, f: FollowupFilter, cal: WorkingCalendar) {
	const read = async () =>
		rowsOf<Row>(
			await db.execute(sql`SELECT
				count(*) FILTER (WHERE l.ticket_id IS NULL AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id))::int AS missing,
				${agg('line1_minutes')}, ${agg('line2_minutes')}, ${agg('line3_minutes')}, ${agg('total_minutes')}
			FROM tickets t LEFT JOIN ticket_lead_times l ON ${storedFor(f)}
			WHERE ${followupWhere(f)} AND t.solved_at IS NOT NULL`)
		)[0];
	let row = await read();
	if (Number(row.missing) > 0) {
		const ids = rowsOf<{ id: string }>(
			await db.execute(sql`SELECT t.id FROM tickets t WHERE ${followupWhere(f)} AND t.solved_at IS NOT NULL
				AND NOT EXISTS (SELECT 1 FROM ticket_lead_times l WHERE ${storedFor(f)}) LIMIT ${LAZY_MAX}`)
		).map((r) => r.id);
		await storeLeadTimes(db, { organizerId: f.organizerId, ticketIds: ids, calendar: cal });
		row = await read();
	}
	const pick = (col: string): Percentiles => {
		const n = Number(row[`${col}_n`] ?? 0);
		return n ? { median: num(row[`${col}_median`]), p90: num(row[`${col}_p90`]), n } : { median: null, p90: null, n: 0 };
	};
	return {
		lines: LINES.map((line) => ({ line, ...pick(`line${line}_minutes`) })),
		total: pick('total_minutes')
	};
}
