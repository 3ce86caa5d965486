/**
 * Benchmark: the Swedish search (decision 039) over 100 000 articles and colleague questions and 1 000 000 cases on
 * PostgreSQL, 20 lookups at a time; budget p95 < 100 ms for each. Needs PostgreSQL:
 *
 *   bash scripts/test-postgres.sh -- npm run bench:search
 *
 * The data (the fill takes ≈ 6–10 minutes on the shared 2-core machine; a DATABASE_URL that already holds it skips it):
 * - 50 organizers × 20 000 cases, filled set-based by bench:tickets' fill (bench/tickets/fill.ts) with a larger
 *   vocabulary (bench/search/vocabulary.ts: 50 things, 35 problems, 172 notes of which 148 are the evaluation
 *   questions as people type them). Each distinct (title, description) is analysed once by the app's own
 *   `documentTerms(ticketDocument(…))` and its vector copied in SQL to every case with that text; the lexicon is
 *   counted in SQL from those vectors (bench/search/fill.ts).
 * - 100 000 articles (60 %) and colleague questions (40 %, 60 % of them with an accepted answer) over the same 50
 *   organizers, skewed (bench-01, the one measured, has ≈ 14 500; bench-50 ≈ 600), generated from the 89 demo
 *   articles' Markdown blocks mixed with names of schools, products and models, and indexed by the app's own bulk
 *   indexer (`indexNewDocuments`) with the document indexArticle / indexQuestion build.
 * - Before timing, a sample of each kind is re-indexed by the app's own indexers in a rolled-back transaction
 *   (bench/search/check-index.ts): the bench stops if any vector or lexicon count would differ.
 *
 * What is timed: the domain functions the pages call, each through its whole code path (authorization, the search
 * module's analysis, synonyms, lexicon look-ups and corrections, the SQL, snippets), with 20 lookups in flight over a
 * pool of 20 connections. Not through HTTP: the queue page over HTTP is bench:tickets' (its search box is this
 * search), and the budget here is the search's, so the page's rendering and the server's two processes would only add
 * noise that bench:tickets already measures. (a) the suggestions while filing (`suggestForFiling`, staff form, half
 * of them with a category chosen, which adds the solved cases), (b) the knowledge base's search (`findArticles`),
 * (c) the colleague questions' search (`findQuestions`), (d) the queue search (`findQueue` with `q`, first page).
 * The people asking are a teacher (a–c) and central technical support (d) of bench-01. The npm script compiles
 * Paraglide's messages first and runs tsx with bench/tsconfig.json, which maps `$lib` (the queue and the questions
 * name people through those messages).
 *
 * The baseline beside each: the bare `websearch_to_tsquery('swedish', q)` with `ts_rank` over the same documents,
 * as a plain PostgreSQL full-text search would keep them: a stored `swedish` tsvector (title A, body B) with a GIN
 * index (table bench_swedish for articles and questions; tickets.search for cases), the organizer's rows, best first,
 * as many as the app's lookup shows. "found" is the share of lookups that found anything.
 *
 * BENCH_CLIENTS (20), BENCH_REQUESTS (1 000 per lookup), BENCH_WARMUP (200 per lookup) change the run;
 * BENCH_FILL_ONLY=1 fills (and checks) without timing, for a database kept between runs (docs/benchmarks.md).
 */
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db';
import { loadActor } from '../src/lib/server/auth/load-actor';
import { findArticles } from '../src/lib/server/knowledge/articles/find-articles';
import { findQuestions } from '../src/lib/server/knowledge/questions/find-questions';
import { suggestForFiling } from '../src/lib/server/knowledge/suggestions/suggest-for-filing';
import { findQueue } from '../src/lib/server/support/queues/find-queue';
import { ORGS, fillBench } from './tickets/fill';
import { caseText } from './search/vocabulary';
import { KNOWLEDGE_DOCUMENTS, fillBaseline, fillKnowledge, indexCases } from './search/fill';
import { checkIndex } from './search/check-index';
import { questionSet } from './search/questions';
import { at, load, machineCheck, measure, type Lookup } from './search/measure';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const BUDGET_MS = 100;
const url = process.env.DATABASE_URL;
if (!url) {
	console.error('bench:search needs DATABASE_URL: bash scripts/test-postgres.sh -- npm run bench:search');
	process.exit(1);
}
const log = (s: string) => console.log(`[${(performance.now() / 1000).toFixed(1)} s] ${s}`);
const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

const handle = await openDatabase({ url, dataDir: '', poolSize: CLIENTS });
await handle.migrate();
const { db } = handle;
// BENCH_ORGS=2 makes a small trial run (2 × 20 000 cases, 4 000 articles and questions); the budget is for 50.
const orgs = Number(process.env.BENCH_ORGS ?? ORGS);
log(`${await fillBench(db, log, orgs, caseText())} cases`);
log(`${await fillKnowledge(db, log, Math.round((KNOWLEDGE_DOCUMENTS * orgs) / ORGS))} articles and questions indexed`);
log(`${await indexCases(db, log)} cases indexed`);
await fillBaseline(db);
await db.execute(sql`ANALYZE`);
const counts = rows<{ kind: string; n: number }>(
	await db.execute(sql`SELECT kind, count(*)::int AS n FROM search_documents GROUP BY kind ORDER BY kind`)
);
log(`search_documents: ${counts.map((c) => `${c.n} ${c.kind}`).join(', ')}; baseline index filled; ANALYZE done`);

const check = await checkIndex(db);
log(`index check: ${check.checked - check.differ.length} of ${check.checked} re-indexed documents unchanged by the app's own indexers`);
if (check.differ.length) {
	console.error(`The bench's index differs from what the app writes: ${check.differ.slice(0, 5).join(', ')}`);
	process.exit(1);
}
if (process.env.BENCH_FILL_ONLY) {
	await handle.close();
	process.exit(0);
}

// Who asks: a teacher of bench-01 (staff at a school) and a central technical support person (as bench:tickets).
const [org] = rows<{ id: string }>(await db.execute(sql`SELECT id FROM organizers WHERE slug = 'bench-01'`));
const [teacher] = rows<{ id: string }>(
	await db.execute(
		sql`SELECT person_id AS id FROM role_assignments WHERE organizer_id = ${org.id} AND role = 'staff' ORDER BY person_id LIMIT 1`
	)
);
const [central] = rows<{ id: string }>(
	await db.execute(sql`
		WITH p AS (INSERT INTO people (name, name_sort, email) VALUES ('Cilla Central', 'cilla central', ${`central-${Date.now()}@bench-01.bench`}) RETURNING id),
		m AS (INSERT INTO memberships (organizer_id, person_id) SELECT ${org.id}, id FROM p),
		r AS (INSERT INTO role_assignments (person_id, organizer_id, role) SELECT id, ${org.id}, 'central_technical_support' FROM p)
		SELECT id FROM p`)
);
const staff = (await loadActor(db, teacher.id))!;
const support = (await loadActor(db, central.id))!;
const [category] = rows<{ id: string }>(
	await db.execute(sql`SELECT id FROM support_categories WHERE organizer_id = ${org.id} AND name = 'Konto och inloggning'`)
);

const Q = questionSet();
const ask = (list: string[], i: number) => list[i % list.length];
const baseline = (kind: 'article' | 'question', limit: number) => async (q: string) =>
	rows<{ id: string }>(
		await db.execute(sql`
			SELECT source_id AS id FROM bench_swedish, websearch_to_tsquery('swedish', ${q}) AS q
			WHERE organizer_id = ${org.id} AND kind = ${kind} AND vector @@ q
			ORDER BY ts_rank(vector, q) DESC LIMIT ${limit}`)
	).length;
const casesBaseline = async (q: string) =>
	rows<{ id: string }>(
		await db.execute(sql`
			SELECT id FROM tickets, websearch_to_tsquery('swedish', ${q}) AS q
			WHERE organizer_id = ${org.id} AND search @@ q ORDER BY ts_rank(search, q) DESC LIMIT 25`)
	).length;

const LOOKUPS: [string, Lookup, Lookup][] = [
	[
		'(a) suggestions while filing',
		async (i) =>
			(
				await suggestForFiling(db, {
					actor: staff,
					organizerId: org.id,
					chain: 'technical',
					categoryId: i % 2 ? category.id : null,
					text: ask(Q.filing, i)
				})
			).articles.length,
		(i) => baseline('article', 3)(ask(Q.filing, i))
	],
	[
		'(b) knowledge base search',
		async (i) => (await findArticles(db, { actor: staff, organizerId: org.id, query: ask(Q.knowledge, i) })).items.length,
		(i) => baseline('article', 50)(ask(Q.knowledge, i))
	],
	[
		'(c) colleague questions search',
		async (i) => (await findQuestions(db, { actor: staff, organizerId: org.id, query: ask(Q.knowledge, i) })).items.length,
		(i) => baseline('question', 50)(ask(Q.knowledge, i))
	],
	[
		'(d) queue search',
		async (i) =>
			(await findQueue(db, { actor: support, organizerId: org.id, view: 'all', filters: { q: ask(Q.queue, i) } })).tickets.length,
		(i) => casesBaseline(ask(Q.queue, i))
	]
];

machineCheck(); // once for the JIT
for (const [, ours, bare] of LOOKUPS) {
	await measure(ours, WARMUP, CLIENTS);
	await measure(bare, WARMUP, CLIENTS);
}
console.log(
	`\n${CLIENTS} lookups in flight, ${REQUESTS} per lookup after ${WARMUP} warm-up; organizer bench-01; load average ${load()}; ${machineCheck()}`
);
const line = (label: string, t: Awaited<ReturnType<typeof measure>>, budget: boolean) =>
	`  ${label.padEnd(10)} median ${at(t.sorted, 0.5).toFixed(1).padStart(6)} ms   p95 ${at(t.sorted, 0.95).toFixed(1).padStart(6)} ms   ${t.perSecond.toFixed(0).padStart(4)}/s   found ${((100 * t.found) / REQUESTS).toFixed(0).padStart(3)} %${
		budget ? `   ${at(t.sorted, 0.95) < BUDGET_MS ? 'within budget' : 'OVER BUDGET'}` : ''
	}`;
let allWithin = true;
for (const [name, ours, bare] of LOOKUPS) {
	const t = await measure(ours, REQUESTS, CLIENTS);
	const b = await measure(bare, REQUESTS, CLIENTS);
	allWithin &&= at(t.sorted, 0.95) < BUDGET_MS;
	console.log(`${name}\n${line('Rödtråd', t, true)}\n${line('baseline', b, false)}`);
}
console.log(
	`\nBudget p95 < ${BUDGET_MS} ms: ${allWithin ? 'holds' : 'does NOT hold'} (load average now ${load()}; ${cpus().length} cores; ${machineCheck()})`
);
await handle.close();
process.exit(0);
