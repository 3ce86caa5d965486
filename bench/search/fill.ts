/**
 * The knowledge base and the search index of bench:search, on top of bench:tickets' organizers and cases.
 *
 * - Articles and colleague questions (100 000 in all, 60 % articles) are generated in TypeScript from the demo
 *   articles' Markdown blocks (bench/search/vocabulary.ts) with a seeded random generator, inserted in batches, and
 *   indexed by the app's own bulk indexer (`indexNewDocuments`, the backfill's) with the very document each kind's
 *   indexer builds (indexArticle: title, plain-text body, tags and category as keywords; indexQuestion: title, the
 *   question and its accepted answer). The lexicon is the one it keeps.
 * - Cases (1 000 000): bench:tickets' fill makes the same ≤ 20 000 distinct (title, description) pairs for every
 *   organizer, so each distinct pair is analysed once by the app's own `documentTerms(ticketDocument(…))`, its
 *   vector built with the same SQL as indexNewDocuments, and copied in SQL to every case with that text; the lexicon
 *   is counted in SQL from the same vectors. `checkIndex` then re-indexes samples with the app's own indexers and
 *   checks nothing changes.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { markdownToPlainText } from '../../src/lib/server/knowledge/render-markdown';
import { documentTerms, type SearchableDocument } from '../../src/lib/server/search/index-document';
import { indexNewDocuments } from '../../src/lib/server/search/index-new-documents';
import { DOCUMENT_COUNT_TERM } from '../../src/lib/server/search/lexicon';
import { ticketDocument } from '../../src/lib/server/support/tickets/index-ticket';
import {
	PRODUCTS,
	SCHOOLS,
	TAIL_SENTENCES,
	TITLE_VARIANTS,
	caseText,
	evalQuestions,
	sourceArticles,
	type SourceArticle
} from './vocabulary';

export const KNOWLEDGE_DOCUMENTS = 100_000;
const ARTICLE_SHARE = 0.6;
/** Organizer k of 50 gets a share ∝ k^-0.8 of the documents: bench-01 ≈ 14 500 (a large city), bench-50 ≈ 600. */
const SKEW = 0.8;
const BATCH = 2_000;

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;
const one = async (db: Db, q: ReturnType<typeof sql>) => Number(rows<{ n: number }>(await db.execute(q))[0].n);

/** A small seeded generator (mulberry32): the same data on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	const pick = <T>(list: readonly T[]) => list[int(list.length)];
	return { next, int, pick };
}
type Random = ReturnType<typeof random>;

const tail = (r: Random) => r.pick(TAIL_SENTENCES)(r.pick(SCHOOLS), `${r.pick(PRODUCTS)}${100 + r.int(9900)}`);

/** An article body: most of the source article's blocks in order, one or two from other articles, a sentence of the long tail. */
function articleBody(r: Random, src: SourceArticle, all: SourceArticle[]) {
	const blocks = src.blocks.filter(() => r.next() < 0.85);
	for (let i = 1 + r.int(2); i > 0; i--) blocks.splice(r.int(blocks.length + 1), 0, r.pick(r.pick(all).blocks));
	if (r.next() < 0.7) blocks.push(tail(r));
	return blocks.join('\n\n');
}

const articleTitle = (r: Random, src: SourceArticle) =>
	r.next() < 0.6 ? `${src.title} – ${r.pick(TITLE_VARIANTS)}` : r.next() < 0.5 ? `${src.title} (${r.pick(SCHOOLS)})` : src.title;

/** How many documents each of `n` organizers gets. */
function shares(n: number, total: number) {
	const w = Array.from({ length: n }, (_, k) => (k + 1) ** -SKEW);
	const sum = w.reduce((s, x) => s + x, 0);
	return w.map((x) => Math.round((total * x) / sum));
}

/** Inserts rows through json_to_recordset; `columns` is its column list, `select` what is inserted from `x`. */
async function insertJson(db: Db, table: string, into: string, columns: string, select: string, list: object[]) {
	for (let i = 0; i < list.length; i += BATCH)
		await db.execute(
			sql`INSERT INTO ${sql.raw(table)} (${sql.raw(into)}) SELECT ${sql.raw(select)} FROM json_to_recordset(${JSON.stringify(list.slice(i, i + BATCH))}::json) AS x(${sql.raw(columns)})`
		);
}

/** `total` articles and colleague questions with answers, indexed by the app's bulk indexer; skipped when already there. */
export async function fillKnowledge(db: Db, log: (s: string) => void, total = KNOWLEDGE_DOCUMENTS): Promise<number> {
	const have = await one(db, sql`SELECT count(*)::int AS n FROM search_documents WHERE kind IN ('article', 'question')`);
	if (have > 0) return have;
	const sources = sourceArticles();
	const asked = evalQuestions().map((q) => q.question);
	const cases = caseText();
	const r = random(15);
	// The demo articles' categories, for every organizer that lacks one of that name.
	const categories = [...new Map(sources.filter((s) => s.categoryName).map((s) => [s.categoryName!, s.chain ?? 'technical'])).entries()];
	await db.execute(sql`
		INSERT INTO support_categories (organizer_id, chain, name, name_sort, device_related)
		SELECT o.id, c.chain, c.name, lower(c.name), false
		FROM organizers o, json_to_recordset(${JSON.stringify(categories.map(([name, chain]) => ({ name, chain })))}::json) AS c(name text, chain text)
		WHERE o.slug LIKE 'bench-%' AND NOT EXISTS (SELECT 1 FROM support_categories s WHERE s.organizer_id = o.id AND s.name = c.name)`);
	const orgs = rows<{ id: string; people: string; cats: string }>(
		await db.execute(sql`
			SELECT o.id,
				(SELECT string_agg(person_id::text, ',' ORDER BY person_id) FROM memberships WHERE organizer_id = o.id) AS people,
				(SELECT json_object_agg(name, id)::text FROM support_categories WHERE organizer_id = o.id) AS cats
			FROM organizers o WHERE o.slug LIKE 'bench-%' ORDER BY o.slug`)
	);
	const perOrg = shares(orgs.length, total);
	let done = 0;
	for (const [k, org] of orgs.entries()) {
		const people = org.people.split(',');
		const cats = JSON.parse(org.cats) as Record<string, string>;
		const nArticles = Math.round(perOrg[k] * ARTICLE_SHARE);
		const articles: object[] = [];
		const docs: SearchableDocument[] = [];
		for (let n = 0; n < nArticles; n++) {
			const src = r.pick(sources);
			const id = randomUUID();
			const body = articleBody(r, src, sources);
			const title = articleTitle(r, src);
			const roll = r.next();
			const status = roll < 0.9 ? 'published' : roll < 0.97 ? 'draft' : 'archived';
			articles.push({
				id,
				slug: `${src.slug}-${n}`,
				title,
				body,
				kind: src.kind,
				chain: src.chain,
				category_id: src.categoryName ? cats[src.categoryName] : null,
				audience: src.audience,
				tags: src.tags.join('|'),
				status: status === 'archived' ? 'published' : status,
				archived: status === 'archived',
				shared: r.next() < 0.05,
				days: r.int(900)
			});
			// What indexArticle indexes; archiving takes an article out of the index.
			if (status !== 'archived')
				docs.push({
					kind: 'article',
					sourceId: id,
					organizerId: org.id,
					title,
					body: markdownToPlainText(body),
					keywords: [...src.tags, ...(src.categoryName ? [src.categoryName] : [])]
				});
		}
		await insertJson(
			db,
			'kb_articles',
			'id, organizer_id, slug, title, body, kind, chain, category_id, audience, tags, status, shared, published_at, archived_at, created_at, updated_at',
			'id uuid, slug text, title text, body text, kind text, chain text, category_id uuid, audience text, tags text, status text, archived boolean, shared boolean, days int',
			`x.id, '${org.id}'::uuid, x.slug, x.title, x.body, x.kind, x.chain, x.category_id, x.audience, string_to_array(x.tags, '|'), x.status, x.shared,
			CASE WHEN x.status = 'published' THEN now() - x.days * interval '1 day' END, CASE WHEN x.archived THEN now() END,
			now() - x.days * interval '1 day', now() - x.days * interval '1 day'`,
			articles
		);
		const questions: object[] = [];
		const answers: object[] = [];
		for (let n = 0; n < perOrg[k] - nArticles; n++) {
			const id = randomUUID();
			const src = r.pick(sources);
			const roll = r.next();
			const title =
				roll < 0.4
					? `${r.pick(asked)}?`
					: roll < 0.7
						? `${r.pick(cases.things)} ${r.pick(cases.problems)} – någon som vet?`
						: `Hur gör ni med ${src.title.charAt(0).toLowerCase()}${src.title.slice(1)}?`;
			const body = [r.pick(cases.notes), ...(r.next() < 0.5 ? [r.pick(cases.notes)] : []), ...(r.next() < 0.3 ? [tail(r)] : [])].join(' ');
			const answered = r.next() < 0.6;
			const answerId = answered ? randomUUID() : null;
			const answer = answered ? markdownToPlainText(src.blocks.filter(() => r.next() < 0.4).join('\n\n')) || src.title : null;
			questions.push({ id, chain: src.chain ?? 'technical', title, body, asked_by: r.pick(people), days: r.int(700) });
			if (answerId) answers.push({ id: answerId, question_id: id, person_id: r.pick(people), body: answer });
			// What indexQuestion indexes: the title above the question and its accepted answer.
			docs.push({ kind: 'question', sourceId: id, organizerId: org.id, title, body: [body, answer ?? ''].filter(Boolean).join('\n\n') });
		}
		await insertJson(
			db,
			'qa_questions',
			'id, organizer_id, chain, title, body, asked_by, created_at, updated_at',
			'id uuid, chain text, title text, body text, asked_by uuid, days int',
			`x.id, '${org.id}'::uuid, x.chain, x.title, x.body, x.asked_by, now() - x.days * interval '1 day', now() - x.days * interval '1 day'`,
			questions
		);
		await insertJson(
			db,
			'qa_answers',
			'id, question_id, person_id, body',
			'id uuid, question_id uuid, person_id uuid, body text',
			'x.*',
			answers
		);
		await db.execute(sql`
			UPDATE qa_questions q SET accepted_answer_id = a.id FROM qa_answers a
			WHERE a.question_id = q.id AND q.organizer_id = ${org.id} AND q.accepted_answer_id IS NULL`);
		for (let i = 0; i < docs.length; i += BATCH) await indexNewDocuments(db, docs.slice(i, i + BATCH));
		done += docs.length;
		if ((k + 1) % 10 === 0) log(`articles and questions for ${k + 1} organizers (${done} indexed)`);
	}
	return done;
}

/** Every case in the index as indexTicket writes it (see the header); skipped when they already are. */
export async function indexCases(db: Db, log: (s: string) => void): Promise<number> {
	const have = await one(db, sql`SELECT count(*)::int AS n FROM search_documents WHERE kind = 'ticket'`);
	if (have > 0) return have;
	const distinct = rows<{ title: string; description: string }>(await db.execute(sql`SELECT DISTINCT title, description FROM tickets`));
	const analysed = distinct.map((d) => {
		const terms = documentTerms(ticketDocument({ id: '', organizerId: '', ...d }));
		return { title: d.title, description: d.description, t: terms.title.join(' '), b: terms.body.join(' ') };
	});
	await db.execute(sql`DROP TABLE IF EXISTS bench_case_terms`);
	await db.execute(sql`CREATE TABLE bench_case_terms (title text, description text, t text, b text, vector tsvector)`);
	await insertJson(db, 'bench_case_terms', 'title, description, t, b', 'title text, description text, t text, b text', 'x.*', analysed);
	// The same expression as indexNewDocuments.
	await db.execute(
		sql`UPDATE bench_case_terms SET vector = setweight(to_tsvector('simple', t), 'A') || setweight(to_tsvector('simple', b), 'B')`
	);
	await db.execute(sql`CREATE INDEX ON bench_case_terms (title, description)`);
	log(`${distinct.length} distinct case texts analysed`);
	await db.execute(sql`
		INSERT INTO search_documents (kind, source_id, organizer_id, vector)
		SELECT 'ticket', t.id, t.organizer_id, x.vector FROM tickets t JOIN bench_case_terms x USING (title, description)`);
	// The lexicon: per organizer, how many of its cases hold each term, and the '*' row that counts them.
	await db.execute(sql`
		WITH per_text AS (SELECT organizer_id, title, description, count(*)::int AS n FROM tickets GROUP BY 1, 2, 3)
		INSERT INTO search_lexicon (organizer_id, kind, term, documents)
		SELECT p.organizer_id, 'ticket', term, sum(p.n) FROM per_text p JOIN bench_case_terms x USING (title, description),
			unnest(tsvector_to_array(x.vector)) AS term GROUP BY 1, 3
		UNION ALL
		SELECT organizer_id, 'ticket', ${DOCUMENT_COUNT_TERM}, count(*) FROM tickets GROUP BY 1`);
	await db.execute(sql`DROP TABLE bench_case_terms`);
	return one(db, sql`SELECT count(*)::int AS n FROM search_documents WHERE kind = 'ticket'`);
}

/**
 * The baseline's index: what a plain PostgreSQL full-text search would keep, a stored `swedish` tsvector (title A,
 * body B) with a GIN index, for the published articles and the questions. Cases have one already (tickets.search).
 */
export async function fillBaseline(db: Db): Promise<void> {
	const [{ exists }] = rows<{ exists: boolean }>(await db.execute(sql`SELECT to_regclass('bench_swedish') IS NOT NULL AS exists`));
	if (exists) return;
	await db.execute(
		sql`CREATE TABLE bench_swedish (kind text NOT NULL, source_id uuid NOT NULL, organizer_id uuid NOT NULL, vector tsvector NOT NULL)`
	);
	await db.execute(sql`
		INSERT INTO bench_swedish
		SELECT 'article', id, organizer_id, setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', body), 'B')
		FROM kb_articles WHERE status = 'published' AND archived_at IS NULL
		UNION ALL
		SELECT 'question', q.id, q.organizer_id, setweight(to_tsvector('swedish', q.title), 'A') || setweight(to_tsvector('swedish', q.body || ' ' || coalesce(a.body, '')), 'B')
		FROM qa_questions q LEFT JOIN qa_answers a ON a.id = q.accepted_answer_id`);
	await db.execute(sql`CREATE INDEX bench_swedish_vector_idx ON bench_swedish USING gin (vector)`);
	await db.execute(sql`CREATE INDEX bench_swedish_organizer_idx ON bench_swedish (organizer_id, kind)`);
}
