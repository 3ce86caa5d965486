import { boolean, doublePrecision, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organizers, people } from './org';
import { tickets } from './support';

/** A passage the assistant quoted: from which article (and which version), with the article's date. */
export type QuotedPassage = { articleId: string; version: number; title: string; slug: string; text: string; updatedAt: string };

/**
 * A conversation with the FAQ assistant (issue 15, item 4), kept for improving articles. Read by the person who had
 * it and by those who manage the knowledge base; `ticketId` when it was handed over to a case.
 */
export const assistantConversations = pgTable(
	'assistant_conversations',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		ticketId: uuid('ticket_id').references(() => tickets.id),
		createdAt: createdAt()
	},
	(t) => [index('assistant_conversations_organizer_idx').on(t.organizerId, t.createdAt)]
);

/** One question and what the assistant answered: only quoted passages, with how sure the search was. */
export const assistantTurns = pgTable(
	'assistant_turns',
	{
		id: id(),
		conversationId: uuid('conversation_id')
			.notNull()
			.references(() => assistantConversations.id),
		question: text('question').notNull(),
		passages: jsonb('passages').$type<QuotedPassage[]>().notNull().default([]),
		confidence: doublePrecision('confidence').notNull().default(0),
		/** False when nothing was sure enough to quote. */
		answered: boolean('answered').notNull(),
		/** The person's "did this help?", when given. */
		helpful: boolean('helpful'),
		createdAt: createdAt()
	},
	(t) => [index('assistant_turns_conversation_idx').on(t.conversationId, t.createdAt)]
);
