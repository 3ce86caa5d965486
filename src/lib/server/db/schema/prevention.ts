import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { kbArticles } from './knowledge';
import { organizers, people } from './org';
import { supportCategories, tickets } from './support';

/** What the preventive line did about a case or a cluster of user errors. */
export const PREVENTIVE_RESPONSE_KINDS = ['article', 'training', 'plan_action', 'no_action'] as const;
export type PreventiveResponseKind = (typeof PREVENTIVE_RESPONSE_KINDS)[number];

/**
 * The preventive line's answer to recurring cases (issue 15, item 7): for a solved case flagged "bör bli
 * självhjälp" (`ticketId`), or for a cluster of user errors in one category and month (`categoryId` + `month`, the
 * first day of it; a null category is the uncategorised cluster): an article written, a training held, an action in
 * the plan, or a decision to do nothing — with a note.
 */
export const preventiveResponses = pgTable(
	'preventive_responses',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		ticketId: uuid('ticket_id').references(() => tickets.id),
		categoryId: uuid('category_id').references(() => supportCategories.id),
		month: date('month'),
		kind: text('kind').$type<PreventiveResponseKind>().notNull(),
		note: text('note').notNull().default(''),
		articleId: uuid('article_id').references(() => kbArticles.id),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('preventive_responses_organizer_idx').on(t.organizerId, t.createdAt)]
);
