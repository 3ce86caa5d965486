import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { SearchKind } from '../db/schema';
import { rowsOf } from '../db/rows';

/** The lexicon row that counts an organizer's documents of a kind (no real term has a `*`: terms are letters and digits). */
export const DOCUMENT_COUNT_TERM = '*';

/** The terms as one parameter (terms never hold a space), split again in SQL: the same on PGlite and PostgreSQL. */
const termArray = (terms: string[]) => sql`string_to_array(${terms.join(' ')}, ' ')`;

/**
 * Counts one more document for each term (and, with `document`, one more document in all). In term order, so two
 * transactions indexing at once take the rows' locks in the same order.
 */
export async function addToLexicon(db: Db, organizerId: string, kind: SearchKind, terms: string[], document: boolean) {
	const all = [...terms, ...(document ? [DOCUMENT_COUNT_TERM] : [])].sort();
	if (all.length === 0) return;
	await db.execute(sql`
		INSERT INTO search_lexicon (organizer_id, kind, term, documents)
		SELECT ${organizerId}::uuid, ${kind}, t, 1 FROM unnest(${termArray(all)}) AS t ORDER BY t
		ON CONFLICT (organizer_id, kind, term) DO UPDATE SET documents = search_lexicon.documents + 1`);
}

/** Counts one document less for each term; rows that reach nought are removed. */
export async function takeFromLexicon(db: Db, organizerId: string, kind: SearchKind, terms: string[], document: boolean) {
	const all = [...terms, ...(document ? [DOCUMENT_COUNT_TERM] : [])].sort();
	if (all.length === 0) return;
	// Rows locked in term order first, as addToLexicon inserts them: two transactions never wait on each other in a circle.
	await db.execute(sql`
		SELECT 1 FROM search_lexicon
		WHERE organizer_id = ${organizerId} AND kind = ${kind} AND term = ANY(${termArray(all)})
		ORDER BY term FOR UPDATE`);
	await db.execute(sql`
		UPDATE search_lexicon SET documents = documents - 1
		WHERE organizer_id = ${organizerId} AND kind = ${kind} AND term = ANY(${termArray(all)})`);
	await db.execute(sql`
		DELETE FROM search_lexicon
		WHERE organizer_id = ${organizerId} AND kind = ${kind} AND term = ANY(${termArray(all)}) AND documents <= 0`);
}

/** How many documents of the organizers (and kinds) hold each term; `total` is how many documents there are. */
export async function termCounts(db: Db, organizerIds: string[], kinds: SearchKind[] | null, terms: string[]) {
	const res = await db.execute(sql`
		SELECT term, sum(documents)::int AS documents FROM search_lexicon
		WHERE organizer_id = ANY(${uuidArray(organizerIds)}) ${kindFilter(kinds)}
			AND term = ANY(${termArray([...terms, DOCUMENT_COUNT_TERM])})
		GROUP BY term`);
	const counts = new Map(rowsOf<{ term: string; documents: number }>(res).map((r) => [r.term, Number(r.documents)]));
	const total = counts.get(DOCUMENT_COUNT_TERM) ?? 0;
	counts.delete(DOCUMENT_COUNT_TERM);
	return { counts, total };
}

/**
 * Terms that the organizers' documents hold and that could be what a misspelt `word` meant: same first letter,
 * length within two. The edit distance is measured by the caller.
 */
export async function lexiconNeighbours(db: Db, organizerIds: string[], kinds: SearchKind[] | null, word: string) {
	const res = await db.execute(sql`
		SELECT term, sum(documents)::int AS documents FROM search_lexicon
		WHERE organizer_id = ANY(${uuidArray(organizerIds)}) ${kindFilter(kinds)}
			AND left(term, 1) = ${word.slice(0, 1)} AND documents > 0
			AND length(term) BETWEEN ${word.length - 2} AND ${word.length + 2}
		GROUP BY term LIMIT 5000`);
	return rowsOf<{ term: string; documents: number }>(res).map((r) => ({ term: r.term, documents: Number(r.documents) }));
}

export const uuidArray = (ids: string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const kindFilter = (kinds: SearchKind[] | null) => (kinds ? sql`AND kind = ANY(${termArray(kinds)})` : sql``);

/** A prefix that starts more terms than this is counted as held by every document, without summing further. */
const PREFIX_ROWS = 2000;

/**
 * How many documents of the organizers (and kinds) hold a term that starts with `prefix`, at most: the sum over the
 * terms it starts (a document with two of them counts twice); Infinity when it starts more than PREFIX_ROWS terms.
 */
export async function prefixCount(db: Db, organizerIds: string[], kinds: SearchKind[] | null, prefix: string) {
	// The range lets the primary key's index find the terms; left() keeps it exact whatever the collation.
	const res = await db.execute(sql`
		SELECT coalesce(sum(documents), 0)::int AS documents, count(*)::int AS terms FROM (
			SELECT documents FROM search_lexicon
			WHERE organizer_id = ANY(${uuidArray(organizerIds)}) ${kindFilter(kinds)}
				AND term >= ${prefix} AND term < ${`${prefix}\u{10FFFF}`} AND left(term, ${prefix.length}) = ${prefix}
			LIMIT ${PREFIX_ROWS + 1}) AS p`);
	const [row] = rowsOf<{ documents: number; terms: number }>(res);
	return Number(row?.terms ?? 0) > PREFIX_ROWS ? Infinity : Number(row?.documents ?? 0);
}
