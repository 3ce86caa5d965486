import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { PLAN_EACH_TIME } from '../../db/plan-each-time';
import { prepareSearch } from '../../search/prepare-search';
import { caseNumberIn } from './search-query';

/**
 * What the queue's search box asks of the cases: which match, how well, and the join (to put after `FROM tickets`)
 * that brings each matching case's text rank, read once with the match (decision 076).
 */
export type QueueSearch = { where: SQL; rank: SQL<number> | null; join: SQL | null };

/** A case found by its number ranks above every text match. */
const NUMBER_FIRST = 1_000_000;

/**
 * The queue search for what was typed: the Swedish search over the organizer's cases (kind ticket; the last word
 * also as a prefix, so results come while a word is half-typed; at least half the words), ranked, and a bare case number ("12") also finds
 * that case, first. "#12" means case 12 only. Cases not yet indexed are found by number only until the backfill
 * job reaches them.
 */
export async function prepareQueueSearch(db: Db, organizerId: string, q: string): Promise<QueueSearch> {
	const number = caseNumberIn(q);
	const byNumber = number === null ? null : sql`tickets.number = ${number}`;
	if (byNumber && q.trim().startsWith('#')) return { where: byNumber, rank: null, join: null };
	// Half the words at least: the queue is a work list, and a case that shares one word of five is noise there.
	const search = await prepareSearch(db, { organizerIds: [organizerId], query: q, kinds: ['ticket'], prefixLast: true, minimumMatch: 0.5 });
	if (!search) return { where: byNumber ?? sql`false`, rank: null, join: null };
	// The matching documents with their rank, joined by case: each is ranked as it is read. A rank subquery per case
	// read every match a second time by primary key (half of a search's time on 20 000 cases, decision 076).
	const matches = sql`(SELECT search_documents.source_id, ${search.rank} AS text_rank FROM search_documents
		WHERE search_documents.kind = 'ticket' AND ${search.where}) AS text_match ON text_match.source_id = tickets.id`;
	const join = sql` ${sql.raw(PLAN_EACH_TIME)} ${byNumber ? sql`LEFT JOIN` : sql`JOIN`} ${matches}`;
	return {
		where: byNumber ? sql`(text_match.source_id IS NOT NULL OR ${byNumber})` : sql`true`,
		rank: sql<number>`(coalesce(text_match.text_rank, 0)${byNumber ? sql` + CASE WHEN ${byNumber} THEN ${NUMBER_FIRST} ELSE 0 END` : sql``})::float8`,
		join
	};
}
