import { index, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { organizers, people } from './org';
import { assessmentRounds } from './assessment';

/**
 * A reminder to answer a self-assessment round that has gone out: one row per round, person and reminder point
 * (days before the round closes). The key makes each reminder go out at most once, however often the job runs
 * and on however many servers (decision 036).
 */
export const roundRemindersSent = pgTable(
	'round_reminders_sent',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The reminder point: how many days before the closing day it was owed. */
		daysBefore: smallint('days_before').notNull(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		sentAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.personId, t.daysBefore] }), index('round_reminders_sent_organizer_idx').on(t.organizerId)]
);
