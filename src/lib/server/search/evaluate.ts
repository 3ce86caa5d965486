import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbArticles, organizers } from '../db/schema';
import { rowsOf } from '../db/rows';
import { parseArticleFile } from '../knowledge/import/parse-article-file';
import { indexArticle } from '../knowledge/articles/index-article';
import { prepareSearch } from './prepare-search';

/** One question of an evaluation set and the article files that answer it. */
export type EvalQuestion = { question: string; relevant: string[] };

/**
 * Loads a folder of article files into a new organizer, indexed as the knowledge base indexes them (title, body,
 * tags and the category's name as keywords). Files that do not parse are reported and skipped.
 */
export async function loadEvalArticles(db: Db, folder: string) {
	const slug = `eval-${Date.now().toString(36)}`;
	const [org] = await db.insert(organizers).values({ slug, name: 'Utvärdering', kind: 'kommun' }).returning();
	const problems: string[] = [];
	let count = 0;
	for (const file of fs
		.readdirSync(folder)
		.filter((f) => f.endsWith('.md'))
		.sort()) {
		const parsed = parseArticleFile(file, fs.readFileSync(path.join(folder, file), 'utf8'));
		if (!parsed.ok) {
			problems.push(`${file}: ${parsed.problems.map((p) => `line ${p.line} ${p.code}`).join(', ')}`);
			continue;
		}
		const a = parsed.article;
		const [row] = await db
			.insert(kbArticles)
			.values({
				organizerId: org.id,
				slug: a.slug,
				title: a.title,
				body: a.body,
				kind: a.kind,
				chain: a.chain,
				audience: a.audience,
				tags: a.tags,
				status: 'published',
				publishedAt: new Date()
			})
			.returning();
		// Indexed as the product indexes an article, so the figures speak for what users get.
		await indexArticle(db, row, a.categoryName);
		count++;
	}
	return { organizerId: org.id, count, problems };
}

type Scored = { question: string; relevant: string[]; top: string[]; firstHit: number | null };

function score(perQuestion: Scored[], ms: number) {
	const n = perQuestion.length || 1;
	const recallAt5 =
		perQuestion.reduce((s, q) => s + q.top.slice(0, 5).filter((f) => q.relevant.includes(f)).length / q.relevant.length, 0) / n;
	const mrr = perQuestion.reduce((s, q) => s + (q.firstHit ? 1 / q.firstHit : 0), 0) / n;
	return { recallAt5, mrr, msPerQuestion: ms / n, perQuestion };
}

const fileNames = (res: unknown) => rowsOf<{ slug: string }>(res).map((r) => `${r.slug}.md`);

function scored(q: EvalQuestion, top: string[]): Scored {
	const at = top.findIndex((f) => q.relevant.includes(f));
	return { question: q.question, relevant: q.relevant, top, firstHit: at < 0 ? null : at + 1 };
}

/** Runs every question through prepareSearch (kind article, first ten) and through the bare PostgreSQL baseline. */
export async function runEvaluation(db: Db, organizerId: string, questions: EvalQuestion[]) {
	const ours: Scored[] = [];
	let started = performance.now();
	for (const q of questions) {
		const s = await prepareSearch(db, { organizerIds: [organizerId], query: q.question, kinds: ['article'] });
		const top = s
			? fileNames(
					await db.execute(sql`
						SELECT kb_articles.slug FROM search_documents JOIN kb_articles ON kb_articles.id = search_documents.source_id
						WHERE ${s.where} AND search_documents.kind = 'article'
						ORDER BY ${s.rank} DESC, kb_articles.slug LIMIT 10`)
				)
			: [];
		ours.push(scored(q, top));
	}
	const oursMs = performance.now() - started;
	started = performance.now();
	const baseline: Scored[] = [];
	for (const q of questions) {
		const top = fileNames(
			await db.execute(sql`
				SELECT slug FROM (
					SELECT slug, setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', body), 'B') AS v
					FROM kb_articles WHERE organizer_id = ${organizerId}
				) a, websearch_to_tsquery('swedish', ${q.question}) q
				WHERE a.v @@ q ORDER BY ts_rank(a.v, q) DESC, slug LIMIT 10`)
		);
		baseline.push(scored(q, top));
	}
	return { ours: score(ours, oursMs), baseline: score(baseline, performance.now() - started) };
}
