import { date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { organizers, people } from './org';

/**
 * A reminder mail about something with a due date that has been sent: one row per source ("action", later a
 * council decision), item, kind ("due_soon" | "overdue") and due date. The key makes each reminder go out once;
 * a moved due date is a new key, so it re-arms the reminders (decision 024).
 */
export const dueRemindersSent = pgTable(
	'due_reminders_sent',
	{
		/** Which kind of thing: "action" for planning actions. */
		source: text('source').notNull(),
		itemId: uuid('item_id').notNull(),
		/** due_soon | overdue */
		kind: text('kind').notNull(),
		/** The due date the reminder was about. */
		dueOn: date('due_on').notNull(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Who was mailed. */
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		sentAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.source, t.itemId, t.kind, t.dueOn] }), index('due_reminders_sent_organizer_idx').on(t.organizerId)]
);

/**
 * A person's secret calendar feed (iCal). Only the SHA-256 of the token is stored; the address is shown once,
 * when it is made. One feed per person: making a new one (revoking) replaces the token, and the old address
 * answers 404.
 */
export const calendarFeeds = pgTable('calendar_feeds', {
	personId: uuid('person_id')
		.primaryKey()
		.references(() => people.id),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: createdAt()
});
