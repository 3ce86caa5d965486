import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { searchDocuments, type SearchKind } from '../db/schema';
import { analyzeText } from './analyze';

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

const vectorOf = (doc: SearchableDocument) => {
	const title = [...analyzeText(doc.title), ...(doc.keywords ?? []).flatMap((k) => analyzeText(k))].join(' ');
	const body = analyzeText(doc.body).join(' ');
	return sql`setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${body}), 'B')`;
};

/** Adds or replaces a document in the search index. Call it in the same transaction as the write it reflects. */
export async function indexDocument(db: Db, doc: SearchableDocument): Promise<void> {
	const vector = vectorOf(doc);
	await db
		.insert(searchDocuments)
		.values({ kind: doc.kind, sourceId: doc.sourceId, organizerId: doc.organizerId, vector })
		.onConflictDoUpdate({
			target: [searchDocuments.kind, searchDocuments.sourceId],
			set: { vector, organizerId: doc.organizerId, updatedAt: new Date() }
		});
}

/** Takes a document out of the search index (deleted, archived). */
export async function removeDocument(db: Db, kind: SearchKind, sourceId: string): Promise<void> {
	await db.delete(searchDocuments).where(and(eq(searchDocuments.kind, kind), eq(searchDocuments.sourceId, sourceId)));
}
