import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rowsOf } from '../db/rows';
import { documentTerms, type SearchableDocument } from './index-document';
import { DOCUMENT_COUNT_TERM } from './lexicon';

/**
 * Indexes many documents that are not in the index yet, in two statements (the backfill of existing cases, the
 * demo). A document that is already indexed is left as it is; use indexDocument to replace one.
 */
export async function indexNewDocuments(db: Db, docs: SearchableDocument[]): Promise<number> {
	if (docs.length === 0) return 0;
	const analysed = docs.map((d) => ({ d, terms: documentTerms(d) }));
	const rows = analysed.map(({ d, terms }) => ({
		kind: d.kind,
		source_id: d.sourceId,
		organizer_id: d.organizerId,
		t: terms.title.join(' '),
		b: terms.body.join(' ')
	}));
	const res = await db.execute(sql`
		INSERT INTO search_documents (kind, source_id, organizer_id, vector)
		SELECT x.kind, x.source_id::uuid, x.organizer_id::uuid,
			setweight(to_tsvector('simple', x.t), 'A') || setweight(to_tsvector('simple', x.b), 'B')
		FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(kind text, source_id text, organizer_id text, t text, b text)
		ON CONFLICT (kind, source_id) DO NOTHING
		RETURNING source_id AS "sourceId"`);
	const inserted = new Set(rowsOf<{ sourceId: string }>(res).map((r) => r.sourceId));
	const counts = new Map<string, { organizer_id: string; kind: string; term: string; documents: number }>();
	for (const { d, terms } of analysed) {
		if (!inserted.has(d.sourceId)) continue;
		for (const term of new Set([...terms.title, ...terms.body, DOCUMENT_COUNT_TERM])) {
			const key = `${d.organizerId} ${d.kind} ${term}`;
			const c = counts.get(key);
			if (c) c.documents++;
			else counts.set(key, { organizer_id: d.organizerId, kind: d.kind, term, documents: 1 });
		}
	}
	if (counts.size === 0) return 0;
	const lexicon = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c);
	await db.execute(sql`
		INSERT INTO search_lexicon (organizer_id, kind, term, documents)
		SELECT x.organizer_id::uuid, x.kind, x.term, x.documents
		FROM json_to_recordset(${JSON.stringify(lexicon)}::json) AS x(organizer_id text, kind text, term text, documents int)
		ON CONFLICT (organizer_id, kind, term) DO UPDATE SET documents = search_lexicon.documents + excluded.documents`);
	return inserted.size;
}
