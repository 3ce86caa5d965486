import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import type { WorkingCalendar } from '../sla';
import { workingCalendarFor } from '../sla-refresh/working-calendar-for';
import { storeLeadTimes } from './store-lead-times';

const BATCH = 2000;

/**
 * Stores the lead time of solved cases that have none yet (solved before ticket_lead_times existed, or inserted in
 * bulk like the demo's), a batch at a time, at most `max` in one call; of one organizer, or all (decision 064).
 * Idempotent. Returns how many it stored.
 */
export async function backfillLeadTimes(db: Db, opts: { organizerId?: string; max?: number } = {}): Promise<number> {
	const max = opts.max ?? Number.POSITIVE_INFINITY;
	const calendars = new Map<string, WorkingCalendar>();
	let done = 0;
	// Keyset over the case ids, so each batch starts where the last one ended instead of skipping the filled ones again.
	let after = '00000000-0000-0000-0000-000000000000';
	while (done < max) {
		const batch = rowsOf<{ id: string; organizer_id: string }>(
			await db.execute(sql`SELECT t.id, t.organizer_id FROM tickets t
				WHERE ${opts.organizerId ? sql`t.organizer_id = ${opts.organizerId} AND` : sql``} t.id > ${after} AND t.solved_at IS NOT NULL
					AND NOT EXISTS (SELECT 1 FROM ticket_lead_times l WHERE l.ticket_id = t.id)
					AND EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id)
				ORDER BY t.id LIMIT ${Math.min(BATCH, max - done)}`)
		);
		if (batch.length === 0) break;
		after = batch[batch.length - 1].id;
		const byOrganizer = new Map<string, string[]>();
		for (const r of batch) byOrganizer.set(r.organizer_id, [...(byOrganizer.get(r.organizer_id) ?? []), r.id]);
		for (const [organizerId, ticketIds] of byOrganizer) {
			if (!calendars.has(organizerId)) calendars.set(organizerId, await workingCalendarFor(db, organizerId));
			await storeLeadTimes(db, { organizerId, ticketIds, calendar: calendars.get(organizerId) });
		}
		done += batch.length;
	}
	return done;
}
