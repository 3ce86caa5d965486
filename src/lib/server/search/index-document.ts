import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { searchDocuments, type SearchKind } from '../db/schema';
import { rowsOf } from '../db/rows';
import { analyzeText } from './analyze';
import { addToLexicon, takeFromLexicon } from './lexicon';

/** What is indexed of one searchable thing. */
export type SearchableDocument = {
	kind: SearchKind;
	sourceId: string;
	organizerId: string;
	title: string;
	body: string;
	/** Extra words weighted like the title (tags, the category's name …). */
	keywords?: string[];
};

/** The analysed terms of a document: title and keywords (weight A), body (weight B). */
export function documentTerms(doc: Pick<SearchableDocument, 'title' | 'body' | 'keywords'>) {
	return {
		title: [...analyzeText(doc.title), ...(doc.keywords ?? []).flatMap((k) => analyzeText(k))],
		body: analyzeText(doc.body)
	};
}

const vectorOf = (terms: { title: string[]; body: string[] }) =>
	sql`setweight(to_tsvector('simple', ${terms.title.join(' ')}), 'A') || setweight(to_tsvector('simple', ${terms.body.join(' ')}), 'B')`;

async function storedTerms(db: Db, kind: SearchKind, sourceId: string) {
	const res = await db.execute(sql`
		SELECT organizer_id AS "organizerId", array_to_string(tsvector_to_array(vector), ' ') AS terms
		FROM search_documents WHERE kind = ${kind} AND source_id = ${sourceId}`);
	const [row] = rowsOf<{ organizerId: string; terms: string }>(res);
	return row ? { organizerId: row.organizerId, terms: row.terms ? row.terms.split(' ') : [] } : null;
}

/**
 * Adds or replaces a document in the search index, and keeps the organizer's lexicon (terms and how many documents
 * hold them) in step. Call it in the same transaction as the write it reflects.
 */
export async function indexDocument(db: Db, doc: SearchableDocument): Promise<void> {
	const terms = documentTerms(doc);
	const vector = vectorOf(terms);
	const before = await storedTerms(db, doc.kind, doc.sourceId);
	await db
		.insert(searchDocuments)
		.values({ kind: doc.kind, sourceId: doc.sourceId, organizerId: doc.organizerId, vector })
		.onConflictDoUpdate({
			target: [searchDocuments.kind, searchDocuments.sourceId],
			set: { vector, organizerId: doc.organizerId, updatedAt: new Date() }
		});
	const now = [...new Set([...terms.title, ...terms.body])];
	if (!before) return addToLexicon(db, doc.organizerId, doc.kind, now, true);
	if (before.organizerId !== doc.organizerId) {
		await takeFromLexicon(db, before.organizerId, doc.kind, before.terms, true);
		return addToLexicon(db, doc.organizerId, doc.kind, now, true);
	}
	const had = new Set(before.terms);
	const has = new Set(now);
	await takeFromLexicon(
		db,
		doc.organizerId,
		doc.kind,
		before.terms.filter((t) => !has.has(t)),
		false
	);
	await addToLexicon(
		db,
		doc.organizerId,
		doc.kind,
		now.filter((t) => !had.has(t)),
		false
	);
}

/** Takes a document out of the search index (deleted, archived). */
export async function removeDocument(db: Db, kind: SearchKind, sourceId: string): Promise<void> {
	const before = await storedTerms(db, kind, sourceId);
	if (!before) return;
	await db.delete(searchDocuments).where(and(eq(searchDocuments.kind, kind), eq(searchDocuments.sourceId, sourceId)));
	await takeFromLexicon(db, before.organizerId, kind, before.terms, true);
}
