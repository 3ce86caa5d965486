import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, people, searchDocuments, ticketEvents, tickets } from '../../db/schema';
import { authorize, readableAudiences, type Actor } from '../../policies';
import { prepareSearch } from '../../search/prepare-search';
import { highlightSnippet, type SnippetPart } from '../../search/highlight';
import { filingFormFor } from '../../support/tickets/filing-form';
import { PLAN_EACH_TIME } from '../../db/plan-each-time';

/** How many articles are suggested by default, and at most. */
export const DEFAULT_SUGGESTIONS = 3;
export const MAX_SUGGESTIONS = 5;
/** Earlier solved cases shown beside the articles, at most. */
const MAX_CASES = 2;
/** What is read of the typed text: enough for a title and a long description. */
const MAX_QUERY = 2000;

/** An article suggested while filing; `snippet` is the part of the body around the words typed. */
export type ArticleSuggestion = {
	id: string;
	slug: string;
	title: string;
	snippet: SnippetPart[];
	/** The start of the article as plain text, for reading it in place without leaving the form. */
	excerpt: string;
};
/** An earlier solved case of the same category: only its title and its public solution, never who filed it. */
export type CaseSuggestion = { id: string; title: string; solution: string };
export type FilingSuggestions = { articles: ArticleSuggestion[]; cases: CaseSuggestion[] };

export type SuggestForFilingOptions = {
	actor: Actor | null;
	organizerId: string;
	/** The chain chosen on the form, if any: its articles rank a little higher. */
	chain?: string | null;
	/** The category chosen on the form, if any: its articles rank higher, and only its solved cases are offered. */
	categoryId?: string | null;
	/** What was typed: the title and the description. */
	text: string;
	limit?: number;
};

/** Ranks are multiplied by these when the article belongs to the chosen category or chain. */
const CATEGORY_BOOST = 1.6;
const CHAIN_BOOST = 1.2;

/**
 * The best published articles for what someone is about to file, among those the actor may read at the organizer
 * (their audiences; drafts and archived articles never), ranked by the search module with the chosen category and
 * chain lifted; and, for the staff form, earlier solved cases of the chosen category that a handler marked as
 * self-help material. Empty when nothing searchable was typed.
 */
export async function suggestForFiling(db: Db, opts: SuggestForFilingOptions): Promise<FilingSuggestions> {
	authorize(opts.actor, 'kb.read', { type: 'knowledge', organizerId: opts.organizerId });
	const { actor, organizerId } = opts;
	const limit = Math.min(Math.max(1, opts.limit ?? DEFAULT_SUGGESTIONS), MAX_SUGGESTIONS);
	const text = opts.text.slice(0, MAX_QUERY);
	const search = await prepareSearch(db, { organizerIds: [organizerId], query: text, kinds: ['article'], prefixLast: true });
	if (!search) return { articles: [], cases: [] };
	const categoryId = opts.categoryId && isUuid(opts.categoryId) ? opts.categoryId : null;
	const boost = sql<number>`(CASE WHEN ${categoryId}::uuid IS NOT NULL AND ${kbArticles.categoryId} = ${categoryId}::uuid THEN ${CATEGORY_BOOST}::real
		WHEN ${opts.chain ?? null}::text IS NOT NULL AND ${kbArticles.chain} = ${opts.chain ?? null}::text THEN ${CHAIN_BOOST}::real ELSE 1 END)`;
	const score = sql<number>`(${search.rank}) * ${boost}`;
	const rows = await db
		.select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title, body: kbArticles.body, score })
		.from(searchDocuments)
		.innerJoin(kbArticles, and(eq(searchDocuments.kind, 'article'), eq(searchDocuments.sourceId, kbArticles.id)))
		.where(
			and(
				eq(searchDocuments.organizerId, organizerId),
				eq(kbArticles.organizerId, organizerId),
				eq(kbArticles.status, 'published'),
				isNull(kbArticles.archivedAt),
				inArray(kbArticles.audience, readableAudiences(actor, organizerId)),
				search.where
			)
		)
		.orderBy(desc(score), kbArticles.title, kbArticles.id)
		.limit(limit);
	const articles = rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		title: r.title,
		snippet: highlightSnippet(plainText(r.body), search.terms),
		excerpt: excerptOf(plainText(r.body))
	}));
	const cases = categoryId && filingFormFor(actor, organizerId) === 'staff' ? await solvedCases(db, organizerId, categoryId, text) : [];
	return { articles, cases };
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Room for the excerpt: a few short paragraphs. */
const EXCERPT = 600;
const excerptOf = (text: string) => (text.length <= EXCERPT ? text : `${text.slice(0, text.lastIndexOf(' ', EXCERPT) || EXCERPT)} …`);

/** Markdown as running text for a snippet: marks, links and headings reduced to their words. */
function plainText(markdown: string): string {
	return markdown
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/[#>*_`~|]+/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Solved (or closed) cases of the category, flagged "should become self-help", that match the words typed: only
 * their title and their latest public solution. Left out: merged cases, cases filed on someone else's behalf (a
 * student's case) and cases of a person with protected identity, whose very wording may point at them.
 */
async function solvedCases(db: Db, organizerId: string, categoryId: string, text: string): Promise<CaseSuggestion[]> {
	const words = [...new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 2))].slice(0, 16);
	if (words.length === 0) return [];
	const query = sql`to_tsquery('swedish', ${words.map((w) => `'${w}'`).join(' | ')})`;
	const solution = sql<string | null>`(
		SELECT ${ticketEvents.body} FROM ${ticketEvents}
		WHERE ${ticketEvents.ticketId} = ${tickets.id} AND ${ticketEvents.kind} = 'solve' AND ${ticketEvents.public}
		ORDER BY ${ticketEvents.id} DESC LIMIT 1)`;
	const rows = await db
		.select({ id: tickets.id, title: tickets.title, solution })
		.from(tickets)
		.innerJoin(people, eq(people.id, tickets.requesterId))
		.where(
			and(
				eq(tickets.organizerId, organizerId),
				eq(tickets.categoryId, categoryId),
				eq(tickets.selfHelpSuggested, true),
				inArray(tickets.state, ['solved', 'closed']),
				isNull(tickets.mergedIntoId),
				eq(tickets.requesterId, tickets.filedById),
				eq(people.protectedIdentity, false),
				// Planned for its words each time: a generic plan read the search index's entries for every case of every
				// organizer (150–200 ms) where the category's cases, read through their index, take 3–4 ms.
				sql`${sql.raw(PLAN_EACH_TIME)} ${tickets.search} @@ ${query}`
			)
		)
		.orderBy(desc(sql`ts_rank(${tickets.search}, ${query})`), desc(tickets.solvedAt), tickets.id)
		.limit(MAX_CASES);
	return rows.filter((r): r is CaseSuggestion => !!r.solution?.trim());
}
