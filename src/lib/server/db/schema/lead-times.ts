import { doublePrecision, index, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizers } from './org';
import { tickets } from './support';

/**
 * The working time a solved case spent at each line of the chain (decision 064), in minutes on the organizer's
 * working calendar, time waiting on the requester not counted — the same figure support/sla's leadTimeByLine reads
 * from the timeline. Written in the transaction of the step that solves the case, removed when it is reopened (and
 * written again when it is solved again), so the follow-up takes its percentiles in SQL instead of walking every
 * event. A line the case never reached is null. Cases solved before the table existed are filled by the
 * `support-lead-time-backfill` job, or on first read. `filedAt` is the case's filing time (tickets.created_at, which
 * never changes), carried here so the follow-up reads only the period's rows through the index on (organizer, filing
 * time) instead of joining every stored row to the period's cases (decision 072).
 */
export const ticketLeadTimes = pgTable(
	'ticket_lead_times',
	{
		ticketId: uuid('ticket_id')
			.primaryKey()
			.references(() => tickets.id, { onDelete: 'cascade' }),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		line1Minutes: doublePrecision('line1_minutes'),
		line2Minutes: doublePrecision('line2_minutes'),
		line3Minutes: doublePrecision('line3_minutes'),
		/** All three lines together (a line never reached adds nothing). */
		totalMinutes: doublePrecision('total_minutes').notNull(),
		/** When the case was filed (its tickets.created_at): the follow-up's period is a range of these. */
		filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
	},
	// Covering (drizzle has no INCLUDE, so key columns): a period's percentiles are read from the index alone.
	(t) => [
		index('ticket_lead_times_filed_idx').on(
			t.organizerId,
			t.filedAt,
			t.ticketId,
			t.line1Minutes,
			t.line2Minutes,
			t.line3Minutes,
			t.totalMinutes
		)
	]
);
