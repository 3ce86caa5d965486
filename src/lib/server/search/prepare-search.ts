import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { analyzeText } from './analyze';

/** A prepared search: conditions on `search_documents` for the caller's own query (join it on kind and source_id). */
export type PreparedSearch = {
	/** True for documents that match (any term: OR, ranked). */
	where: SQL;
	/** Higher is better; order by it descending. */
	rank: SQL<number>;
	/** The analysed terms, for highlighting snippets. */
	terms: string[];
};

/**
 * Prepares a search for what someone typed, or null when nothing searchable is left. PLACEHOLDER (phase 0 of
 * issue 15): OR of the words, ranked by ts_rank. The search helper adds tolerance (folding, typos via the
 * organizers' own vocabulary) and keeps this signature.
 */
export async function prepareSearch(_db: Db, opts: { organizerIds: string[]; query: string }): Promise<PreparedSearch | null> {
	const terms = [...new Set(analyzeText(opts.query))].slice(0, 16);
	if (terms.length === 0) return null;
	const tsquery = terms.map((t) => `'${t.replaceAll("'", "''")}'`).join(' | ');
	const q = sql`to_tsquery('simple', ${tsquery})`;
	return {
		where: sql`search_documents.vector @@ ${q}`,
		rank: sql<number>`ts_rank(search_documents.vector, ${q})`,
		terms
	};
}
