import { boundedMemo } from '../../bounded-memo';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, kbArticleVotes, organizers, searchDocuments, supportCategories } from '../../db/schema';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { highlightSnippet, type SnippetPart } from '../../search/highlight';
import { prepareSearch } from '../../search/prepare-search';
import { markdownToPlainText } from '../render-markdown';
import { articleScope } from './queries';

/** How a list without a search is ordered. */
export const ARTICLE_SORTS = ['category', 'newest', 'helpful'] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];

/** One article in a list or among search results. */
export type ArticleListItem = {
	slug: string;
	title: string;
	kind: string;
	status: string;
	audience: string;
	categoryName: string | null;
	/** Set for an article another organizer shares: whose it is. */
	sharedBy: string | null;
	updatedAt: Date;
	helpful: number;
	notHelpful: number;
	/** With a search: the words around the hits. */
	snippet: SnippetPart[] | null;
};

const votes = (db: Db) =>
	db
		.select({
			articleId: kbArticleVotes.articleId,
			yes: sql<number>`count(*) filter (where ${kbArticleVotes.helpful})`.as('yes'),
			no: sql<number>`count(*) filter (where not ${kbArticleVotes.helpful})`.as('no')
		})
		.from(kbArticleVotes)
		.groupBy(kbArticleVotes.articleId)
		.as('votes');

/**
 * An article's plain text for its snippet, remembered by the article and its text version (which every change of title
 * or body raises), at most 5 000 (a few MB): parsing the 50 bodies of a result list took 7–9 ms of the process's CPU on
 * bench-01 (decision 076), and the articles a knowledge base's searches find recur — bench-01's, thousands of them.
 * The result list itself carries no bodies: only the articles not remembered are read, in one statement.
 */
const plainTexts = boundedMemo<string>(5000);
const textKey = (a: { id: string; version: number }) => `${a.id}:${a.version}`;

/** The plain texts of the listed articles: remembered ones as they are, the others read and parsed (one statement). */
async function plainTextsOf(db: Db, rows: { id: string; version: number }[]): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const r of rows) {
		const known = plainTexts.peek(textKey(r));
		if (known !== undefined) out.set(r.id, known);
	}
	const missing = rows.filter((r) => !out.has(r.id)).map((r) => r.id);
	if (missing.length === 0) return out;
	const bodies = await db
		.select({ id: kbArticles.id, version: kbArticles.version, body: kbArticles.body })
		.from(kbArticles)
		.where(inArray(kbArticles.id, missing));
	for (const b of bodies)
		out.set(
			b.id,
			plainTexts(textKey(b), () => markdownToPlainText(b.body))
		);
	return out;
}

/**
 * The articles the actor reads at the organizer (see articleScope): with `query`, those the search finds, best
 * first (the search seam ranks; title words weigh most), each with a highlighted snippet; without, ordered by
 * category, newest first or most helpful first. `categoryId` narrows to one category. At most `limit`.
 */
export async function findArticles(
	db: Db,
	opts: { actor: Actor; organizerId: string; query?: string; categoryId?: string; sort?: ArticleSort; limit?: number }
): Promise<{ items: ArticleListItem[]; searched: boolean; canWrite: boolean }> {
	authorize(opts.actor, 'kb.read', { type: 'knowledge', organizerId: opts.organizerId });
	const scope = await articleScope(db, opts.actor, opts.organizerId);
	const prepared = opts.query?.trim()
		? await prepareSearch(db, { organizerIds: scope.organizerIds, query: opts.query, kinds: ['article'] })
		: null;
	const v = votes(db);
	const yes = sql<number>`coalesce(${v.yes}, 0)::int`;
	const no = sql<number>`coalesce(${v.no}, 0)::int`;
	const category = opts.categoryId && isUuid(opts.categoryId) ? eq(kbArticles.categoryId, opts.categoryId) : undefined;
	const base = db
		.select({
			id: kbArticles.id,
			version: kbArticles.version,
			slug: kbArticles.slug,
			title: kbArticles.title,
			kind: kbArticles.kind,
			status: kbArticles.status,
			audience: kbArticles.audience,
			categoryName: supportCategories.name,
			organizerId: kbArticles.organizerId,
			organizerName: organizers.name,
			updatedAt: kbArticles.updatedAt,
			helpful: yes,
			notHelpful: no
		})
		.from(kbArticles)
		.innerJoin(organizers, eq(organizers.id, kbArticles.organizerId))
		.leftJoin(supportCategories, eq(supportCategories.id, kbArticles.categoryId))
		.leftJoin(v, eq(v.articleId, kbArticles.id))
		.$dynamic();
	const limit = Math.min(opts.limit ?? 50, 200);
	// With a search, the best rows are ranked first on the index and the articles' own table only (decision 070):
	// the organizers, categories and votes are joined to those `limit` rows, not to every match.
	const best = prepared
		? db
				.select({ id: kbArticles.id, rank: sql<number>`${prepared.rank}`.as('rank') })
				.from(searchDocuments)
				.innerJoin(kbArticles, and(eq(searchDocuments.kind, 'article'), eq(searchDocuments.sourceId, kbArticles.id)))
				.where(and(scope.where, prepared.where, category))
				.orderBy(desc(prepared.rank), desc(kbArticles.updatedAt), asc(kbArticles.id))
				.limit(limit)
				.as('best')
		: null;
	const rows = best
		? await base.innerJoin(best, eq(best.id, kbArticles.id)).orderBy(desc(best.rank), desc(kbArticles.updatedAt), asc(kbArticles.id))
		: await base
				.where(and(scope.where, category))
				.orderBy(
					...(opts.sort === 'newest'
						? [desc(kbArticles.updatedAt)]
						: opts.sort === 'helpful'
							? [desc(sql`${yes} - ${no}`), desc(yes), desc(kbArticles.updatedAt)]
							: [sql`${supportCategories.nameSort} asc nulls last`, asc(kbArticles.title)]),
					asc(kbArticles.id)
				)
				.limit(limit);
	const texts = prepared ? await plainTextsOf(db, rows) : null;
	return {
		searched: !!prepared,
		canWrite: scope.canWrite,
		items: rows.map((r) => ({
			slug: r.slug,
			title: r.title,
			kind: r.kind,
			status: r.status,
			audience: r.audience,
			categoryName: r.categoryName,
			sharedBy: r.organizerId === opts.organizerId ? null : r.organizerName,
			updatedAt: r.updatedAt,
			helpful: r.helpful,
			notHelpful: r.notHelpful,
			snippet: prepared && texts ? highlightSnippet(texts.get(r.id) ?? '', prepared.terms) : null
		}))
	};
}
