import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organizers, people } from './org';
import { appDecisions, appTools, type SchoolForm } from './apps';
import { tickets } from './support';

/** The review a request goes through on the 2nd line, one tick each (issue 18 item 4, decision 047). */
export const REQUEST_CHECKS = ['agreement', 'classification', 'accessibility', 'interoperability', 'cost'] as const;
export type RequestCheck = (typeof REQUEST_CHECKS)[number];

/**
 * A request for a new digital tool: an ordinary support case (ticket) marked as a tool request and linked to the
 * register entry it is about. Decided when a decision about the tool is recorded after it was filed.
 */
export const appRequests = pgTable(
	'app_requests',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** The support case the request was filed as; the requester follows it there. */
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		toolId: uuid('tool_id')
			.notNull()
			.references(() => appTools.id),
		/** What the tool is wanted for. */
		purpose: text('purpose').notNull(),
		/** The school forms and year groups (0 = F … 9) it would be used with. */
		schoolForms: text('school_forms').array().$type<SchoolForm[]>().notNull().default([]),
		yearFrom: integer('year_from'),
		yearTo: integer('year_to'),
		/** Which personal data about whom the tool would handle, as the requester understands it. */
		dataDescription: text('data_description').notNull().default(''),
		requestedBy: uuid('requested_by')
			.notNull()
			.references(() => people.id),
		/** The target: decided within 5 working days of filing on the organizer's calendar (fixed when filed). */
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		/** The decision that answered the request, and when; null while it waits. */
		decisionId: uuid('decision_id').references(() => appDecisions.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('app_requests_ticket_idx').on(t.ticketId), index('app_requests_organizer_idx').on(t.organizerId, t.createdAt)]
);

/** One ticked item of a request's review checklist, with a short note, by whom and when. */
export const appRequestChecks = pgTable(
	'app_request_checks',
	{
		requestId: uuid('request_id')
			.notNull()
			.references(() => appRequests.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		item: text('item').$type<RequestCheck>().notNull(),
		note: text('note').notNull().default(''),
		checkedBy: uuid('checked_by')
			.notNull()
			.references(() => people.id),
		checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.requestId, t.item] })]
);
