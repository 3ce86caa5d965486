import { and, asc, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import { OPEN_STATES } from '../constants';
import type { WorkingCalendar } from '../sla';
import { loadSlaEvents, storeSlaSummary, summarizeTicketSla } from './refresh-ticket-sla';
import { workingCalendarFor } from './working-calendar-for';

export type RefreshDueOptions = {
	/** Also refresh cases whose deadline is this close (so they turn at risk in time). Default 240. */
	lookaheadMinutes?: number;
	/** Cases per transaction. Default 200. */
	batchSize?: number;
	/** Stop after this many cases in one run (the next run goes on). Default 20 000. */
	maxTickets?: number;
};

/**
 * The SLA job: refreshes every open case whose running deadline has passed or is near, so breaches are
 * recorded and statuses move without anyone touching the case. Selection is one indexed range per batch
 * (keyset on sla_due_at, id); rows another transaction holds are skipped, since that transaction is
 * refreshing them anyway. Safe to run twice, late or in parallel. Returns how many cases were looked at.
 */
export async function refreshDueTicketSla(db: Db, now: Date, opts: RefreshDueOptions = {}): Promise<{ refreshed: number }> {
	const horizon = new Date(now.getTime() + (opts.lookaheadMinutes ?? 240) * 60_000);
	const batchSize = opts.batchSize ?? 200;
	const max = opts.maxTickets ?? 20_000;
	const calendars = new Map<string, Promise<WorkingCalendar>>();
	// Read through the batch's transaction: PGlite has one connection, which the transaction holds.
	const calendarOf = (tx: Db, organizerId: string) => {
		if (!calendars.has(organizerId)) calendars.set(organizerId, workingCalendarFor(tx, organizerId));
		return calendars.get(organizerId) as Promise<WorkingCalendar>;
	};
	type Cursor = { dueAt: Date; id: string } | null;
	let after: Cursor = null;
	let refreshed = 0;
	while (refreshed < max) {
		const cursor: Cursor = after;
		const batch: { count: number; last: Cursor } = await db.transaction(async (tx) => {
			const rows = await tx
				.select()
				.from(tickets)
				.where(
					and(
						inArray(tickets.state, [...OPEN_STATES]),
						isNotNull(tickets.slaDueAt),
						lte(tickets.slaDueAt, horizon),
						cursor
							? sql`(${tickets.slaDueAt}, ${tickets.id}) > (${cursor.dueAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
							: undefined
					)
				)
				.orderBy(asc(tickets.slaDueAt), asc(tickets.id))
				.limit(batchSize)
				.for('update', { skipLocked: true });
			// The cursor is the row as selected: storing a summary updates the row object too.
			const tail = rows[rows.length - 1];
			const last: Cursor = tail ? { dueAt: tail.slaDueAt as Date, id: tail.id } : null;
			const events = await loadSlaEvents(
				tx,
				rows.map((r) => r.id)
			);
			for (const row of rows) {
				const summary = summarizeTicketSla(await calendarOf(tx, row.organizerId), row, events.get(row.id) ?? [], now);
				await storeSlaSummary(tx, row, summary, now);
			}
			return { count: rows.length, last };
		});
		refreshed += batch.count;
		if (batch.count < batchSize) break;
		after = batch.last;
	}
	return { refreshed };
}
