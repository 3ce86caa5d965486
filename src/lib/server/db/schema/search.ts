import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organizers } from './org';
import type { SearchKind } from './knowledge';

/**
 * Every search term an organizer's documents of one kind contain, with how many documents contain it. Kept by
 * indexDocument/removeDocument in the same transaction: rare terms rank higher (the counts), and a term nobody's
 * documents contain is corrected to a close one that they do (typos). The empty term counts the documents.
 */
export const searchLexicon = pgTable(
	'search_lexicon',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		kind: text('kind').$type<SearchKind>().notNull(),
		term: text('term').notNull(),
		/** Documents of this organizer and kind whose vector holds the term. */
		documents: integer('documents').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.kind, t.term] })]
);

/** An organizer's own synonyms, added to the shipped school IT list: each word or phrase of `words` finds the others. */
export const searchSynonyms = pgTable(
	'search_synonyms',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		words: text('words').array().notNull(),
		createdAt: createdAt()
	},
	(t) => [index('search_synonyms_organizer_idx').on(t.organizerId)]
);
