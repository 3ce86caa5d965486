import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';
import { supportCategories, tickets } from './support';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** What an article is: a short answer, a step-by-step guide, a link to a short film, or a cheat sheet with a file. */
export const ARTICLE_KINDS = ['faq', 'guide', 'film', 'cheat_sheet'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
/** Who an article is written for. */
export const ARTICLE_AUDIENCES = ['staff', 'students', 'guardians', 'everyone'] as const;
export type ArticleAudience = (typeof ARTICLE_AUDIENCES)[number];
export const ARTICLE_STATUSES = ['draft', 'published'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * A self-help article in an organizer's knowledge base (issue 15). `slug` is the import file's name without `.md`:
 * re-importing the same folder updates the article instead of adding a second one.
 */
export const kbArticles = pgTable(
	'kb_articles',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		/** Markdown; rendered with raw HTML escaped. */
		body: text('body').notNull(),
		kind: text('kind').$type<ArticleKind>().notNull().default('faq'),
		/** technical | pedagogical, or null for both chains. */
		chain: text('chain'),
		categoryId: uuid('category_id').references(() => supportCategories.id),
		audience: text('audience').$type<ArticleAudience>().notNull().default('staff'),
		tags: text('tags')
			.array()
			.notNull()
			.default(sql`'{}'::text[]`),
		/** For a film: where it is watched. */
		linkUrl: text('link_url'),
		status: text('status').$type<ArticleStatus>().notNull().default('draft'),
		/** Readable without signing in, when the organizer allows public articles. */
		isPublic: boolean('is_public').notNull().default(false),
		/** Also offered to the organizers this organizer's teams serve. */
		shared: boolean('shared').notNull().default(false),
		ownerId: uuid('owner_id').references(() => people.id),
		reviewOn: date('review_on'),
		version: integer('version').notNull().default(1),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('kb_articles_slug_idx').on(t.organizerId, t.slug),
		index('kb_articles_review_idx').on(t.reviewOn),
		index('kb_articles_category_idx').on(t.categoryId)
	]
);

/** Every saved version of an article (the newest is also in kb_articles). */
export const kbArticleVersions = pgTable(
	'kb_article_versions',
	{
		articleId: uuid('article_id')
			.notNull()
			.references(() => kbArticles.id),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		changedBy: uuid('changed_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.articleId, t.version] })]
);

/** A cheat sheet's file (or any article's attachment). */
export const kbArticleFiles = pgTable(
	'kb_article_files',
	{
		id: id(),
		articleId: uuid('article_id')
			.notNull()
			.references(() => kbArticles.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		content: bytea('content').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('kb_article_files_article_idx').on(t.articleId)]
);

/** "Hjälpte detta?": one vote per reader (a person's id, or a hashed anonymous key for public readers). */
export const kbArticleVotes = pgTable(
	'kb_article_votes',
	{
		articleId: uuid('article_id')
			.notNull()
			.references(() => kbArticles.id),
		voterKey: text('voter_key').notNull(),
		helpful: boolean('helpful').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.articleId, t.voterKey] })]
);

/** "Det här löste det": a case that was not filed because an article (or an earlier case) answered it. */
export const kbDeflections = pgTable(
	'kb_deflections',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id').references(() => people.id),
		articleId: uuid('article_id').references(() => kbArticles.id),
		/** When an earlier solved case answered it instead of an article. */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** What the person had typed (title and description), for improving articles. */
		query: text('query').notNull(),
		categoryId: uuid('category_id').references(() => supportCategories.id),
		createdAt: createdAt()
	},
	(t) => [index('kb_deflections_organizer_idx').on(t.organizerId, t.createdAt)]
);

/** The articles a requester was shown while filing, attached to the case so the 1st line knows what was tried. */
export const ticketSeenArticles = pgTable(
	'ticket_seen_articles',
	{
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		articleId: uuid('article_id')
			.notNull()
			.references(() => kbArticles.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.ticketId, t.articleId] })]
);

/** What can be searched: articles, cases and colleague questions. */
export const SEARCH_KINDS = ['article', 'ticket', 'question'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One row per searchable thing, with its text analysed in TypeScript (Swedish stemming, compound parts, folding,
 * synonyms: src/lib/server/search) and stored as a `simple` tsvector, so PGlite and PostgreSQL search alike.
 */
export const searchDocuments = pgTable(
	'search_documents',
	{
		kind: text('kind').$type<SearchKind>().notNull(),
		sourceId: uuid('source_id').notNull(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Title terms weighted A, the rest B. */
		vector: tsvector('vector').notNull(),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.kind, t.sourceId] }),
		// Scoped by organizer and kind (btree_gin, decision 076): a search reads its words' postings and intersects
		// them with the organizer's and the kind's inside one index scan, never a bitmap over every organizer's
		// documents and the million cases.
		index('search_documents_scope_idx').using('gin', t.organizerId, t.kind, t.vector),
		// The same for the knowledge kinds alone (decision 078): a common word's postings in the scope index run over
		// the million cases too, so PostgreSQL read every article of a large organizer instead; here they are the
		// articles' and questions' only. Usable only by a statement planned for its values (PLAN_EACH_TIME).
		index('search_documents_knowledge_idx')
			.using('gin', t.organizerId, t.kind, t.vector)
			.where(sql`kind IN ('article', 'question')`),
		index('search_documents_organizer_idx').on(t.organizerId, t.kind)
	]
);
