import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { tickets } from './support';

/** A bookable 1–1 guidance time, or an open drop-in ("onlinestuga", "IKT-café") with several seats. */
export const GUIDANCE_KINDS = ['one_to_one', 'drop_in'] as const;
export type GuidanceKind = (typeof GUIDANCE_KINDS)[number];

/**
 * A guidance session a key person or central support offers (issue 15, item 6). Online when it has a meeting link,
 * at a unit when it names one; a weekly drop-in is one row per occasion, sharing `seriesId`.
 */
export const guidanceSessions = pgTable(
	'guidance_sessions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		kind: text('kind').$type<GuidanceKind>().notNull(),
		/** technical | pedagogical */
		chain: text('chain').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		hostId: uuid('host_id')
			.notNull()
			.references(() => people.id),
		unitId: uuid('unit_id').references(() => units.id),
		place: text('place'),
		meetingUrl: text('meeting_url'),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		seats: integer('seats').notNull().default(1),
		seriesId: uuid('series_id'),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('guidance_sessions_organizer_idx').on(t.organizerId, t.startsAt)]
);

/** A seat booked in a guidance session, perhaps from a case; the one-question feedback comes afterwards. */
export const guidanceBookings = pgTable(
	'guidance_bookings',
	{
		id: id(),
		sessionId: uuid('session_id')
			.notNull()
			.references(() => guidanceSessions.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The case the booking was started from ("boka handledning i stället"). */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** What the person wants help with. */
		note: text('note').notNull().default(''),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		/** 1–5: how well the session helped. */
		feedbackScore: integer('feedback_score'),
		feedbackComment: text('feedback_comment'),
		feedbackAt: timestamp('feedback_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('guidance_bookings_one_per_person')
			.on(t.sessionId, t.personId)
			.where(sql`cancelled_at IS NULL`),
		index('guidance_bookings_person_idx').on(t.personId)
	]
);
