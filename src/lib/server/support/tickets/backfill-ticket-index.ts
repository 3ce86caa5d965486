import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import { indexNewDocuments } from '../../search/index-new-documents';
import { ticketDocument } from './index-ticket';

const BATCH = 500;

/**
 * Indexes cases that are not in the search index yet (cases filed before the search existed, the demo's cases,
 * which are inserted directly), a batch at a time, at most `max` in one call; of one organizer, or all. Idempotent:
 * run it as often as you like. Returns how many it indexed.
 */
export async function backfillTicketIndex(db: Db, opts: { organizerId?: string; max?: number } = {}): Promise<number> {
	const max = opts.max ?? Number.POSITIVE_INFINITY;
	let done = 0;
	while (done < max) {
		const res = await db.execute(sql`
			SELECT t.id, t.organizer_id AS "organizerId", t.title, t.description FROM tickets t
			WHERE ${opts.organizerId ? sql`t.organizer_id = ${opts.organizerId} AND` : sql``}
				NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.kind = 'ticket' AND d.source_id = t.id)
			LIMIT ${Math.min(BATCH, max - done)}`);
		const batch = rowsOf<{ id: string; organizerId: string; title: string; description: string }>(res);
		if (batch.length === 0) break;
		await indexNewDocuments(db, batch.map(ticketDocument));
		done += batch.length;
	}
	return done;
}
