import { sql, type SQL } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	customType,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { createdAt, id, sortKey, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { devices } from './devices';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => Buffer.from(v)
});

/**
 * A support team: a 2nd-line central team or a 3rd-line supplier. Owned by one organizer,
 * it may serve several (support_team_organizers). Members see the cases the team has held.
 */
export const supportTeams = pgTable(
	'support_teams',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		name: text('name').notNull(),
		nameSort: sortKey('name_sort').notNull(),
		/** technical | pedagogical */
		chain: text('chain').notNull(),
		/** 2 (central team) or 3 (supplier). */
		line: smallint('line').notNull(),
		/** For a supplier team: the supplier organization's name. */
		supplierName: text('supplier_name'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('support_teams_organizer_idx').on(t.organizerId, t.nameSort)]
);

/** Which organizers a team serves (the owner included). */
export const supportTeamOrganizers = pgTable(
	'support_team_organizers',
	{
		teamId: uuid('team_id')
			.notNull()
			.references(() => supportTeams.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.organizerId] }), index('support_team_organizers_org_idx').on(t.organizerId)]
);

export const supportTeamMembers = pgTable(
	'support_team_members',
	{
		teamId: uuid('team_id')
			.notNull()
			.references(() => supportTeams.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.personId] }), index('support_team_members_person_idx').on(t.personId)]
);

/** What a case is about, per chain (konto och inloggning, elevdator …). */
export const supportCategories = pgTable(
	'support_categories',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		chain: text('chain').notNull(),
		name: text('name').notNull(),
		nameSort: sortKey('name_sort').notNull(),
		/** Cases in this category name a device type (elevdator, projektor …). */
		deviceRelated: boolean('device_related').notNull().default(false),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('support_categories_organizer_idx').on(t.organizerId, t.chain, t.nameSort)]
);

/** SLA targets per chain and urgency, in working minutes. Copied onto each case when filed. */
export const supportSlaTargets = pgTable(
	'support_sla_targets',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		chain: text('chain').notNull(),
		/** low | normal | high | critical */
		urgency: text('urgency').notNull(),
		firstResponseMinutes: integer('first_response_minutes'),
		/** Longest time the requester may go without hearing from support. */
		feedbackMinutes: integer('feedback_minutes'),
		resolutionMinutes: integer('resolution_minutes'),
		/** Operational level agreements: time at each line. */
		line1Minutes: integer('line1_minutes'),
		line2Minutes: integer('line2_minutes'),
		line3Minutes: integer('line3_minutes'),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.chain, t.urgency] })]
);

/** The organizer's own non-working days (closed) and school holidays (lov). */
export const supportCalendarDays = pgTable(
	'support_calendar_days',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		day: date('day').notNull(),
		/** closed | lov */
		kind: text('kind').notNull(),
		label: text('label').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.day] })]
);

/** Hands out case numbers per organizer inside the filing transaction. */
export const supportCounters = pgTable('support_counters', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	lastNumber: integer('last_number').notNull().default(0)
});

/** A support case (ärende). Every change is also a ticket_event; SLA figures come from the events. */
export const tickets = pgTable(
	'tickets',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Case number, unique per organizer. */
		number: integer('number').notNull(),
		/** technical | pedagogical */
		chain: text('chain').notNull(),
		categoryId: uuid('category_id').references(() => supportCategories.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** Whom the case is about and who follows it. */
		requesterId: uuid('requester_id')
			.notNull()
			.references(() => people.id),
		/** Who filed it (a mentor on behalf of a young student); usually the requester. */
		filedById: uuid('filed_by_id')
			.notNull()
			.references(() => people.id),
		title: text('title').notNull(),
		description: text('description').notNull(),
		/** low | normal | high | critical */
		urgency: text('urgency').notNull(),
		/** new | in_progress | waiting_requester | waiting_supplier | solved | closed */
		state: text('state').notNull().default('new'),
		/** 1, 2 or 3 */
		line: smallint('line').notNull().default(1),
		/** The highest line the case has reached (kept by appendTicketEvent; decision 064): the follow-up counts a case under it. */
		maxLine: smallint('max_line').notNull().default(1),
		/** The team holding the case at line 2 or 3. */
		teamId: uuid('team_id').references(() => supportTeams.id),
		assigneeId: uuid('assignee_id').references(() => people.id),
		/** Lost teaching time, all of it, in minutes (one lesson counts 60); see decision 035. */
		minutesLost: integer('minutes_lost').notNull().default(0),
		/** The unit the person typed the lost time in, to show it back as typed: lesson | minute | hour */
		lostTimeUnit: text('lost_time_unit').notNull().default('lesson'),
		studentsAffected: integer('students_affected').notNull().default(0),
		deviceType: text('device_type'),
		/** The registered device the case is about (issue 17): one the requester holds, or one the filer manages. */
		deviceId: uuid('device_id').references(() => devices.id),
		/** Set on solving: user_error (handhavandefel) | hardware | software | network | account | supplier | other */
		cause: text('cause'),
		/** The handler thinks this should become self-help material. */
		selfHelpSuggested: boolean('self_help_suggested').notNull().default(false),
		mergedIntoId: uuid('merged_into_id'),
		rating: smallint('rating'),
		ratingComment: text('rating_comment'),
		/** Targets in force for this case (copied when filed or when chain/urgency change). */
		slaTargets: jsonb('sla_targets').$type<Record<string, unknown>>().notNull().default({}),
		/** Next SLA deadline and status, refreshed on every event (for queue sorting and "about to breach"). */
		slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
		slaStatus: text('sla_status').notNull().default('running'),
		/**
		 * When the first still-running SLA clock of an open case ran out (null when none is overdue): the queue's
		 * "deadline" order sorts by coalesce(sla_overdue_since, sla_due_at), so the most overdue come first.
		 */
		slaOverdueSince: timestamp('sla_overdue_since', { withTimezone: true }),
		firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
		/** When the current wait on the requester began (reminders, auto-close). */
		waitingSince: timestamp('waiting_since', { withTimezone: true }),
		solvedAt: timestamp('solved_at', { withTimezone: true }),
		solvedById: uuid('solved_by_id').references(() => people.id),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		search: tsvector('search').generatedAlwaysAs(
			(): SQL => sql`to_tsvector('swedish', coalesce(${tickets.title}, '') || ' ' || coalesce(${tickets.description}, ''))`
		),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('tickets_number_idx').on(t.organizerId, t.number),
		index('tickets_queue_idx').on(t.organizerId, t.createdAt.desc(), t.id.desc()),
		index('tickets_state_idx').on(t.organizerId, t.state, t.createdAt.desc(), t.id.desc()),
		/**
		 * A unit's cases, newest first. The organizer is in the key because every queue query names it: without it
		 * PostgreSQL ANDed this index with a scan of all the organizer's cases (it cannot know a unit lies in one organizer).
		 */
		index('tickets_unit_idx').on(t.unitId, t.organizerId, t.createdAt.desc(), t.id.desc()),
		index('tickets_team_idx').on(t.teamId, t.state),
		index('tickets_assignee_idx').on(t.assigneeId, t.state),
		index('tickets_requester_idx').on(t.requesterId, t.createdAt.desc()),
		index('tickets_device_idx')
			.on(t.deviceId)
			.where(sql`${t.deviceId} IS NOT NULL`),
		index('tickets_search_idx').using('gin', t.search),
		/** The queue's open cases, newest first (the queue lists open states as literals so this partial index applies). */
		index('tickets_open_queue_idx')
			.on(t.organizerId, t.createdAt.desc(), t.id.desc())
			.where(sql`${t.state} IN ('new', 'in_progress', 'waiting_requester', 'waiting_supplier')`),
		/** The queue sorted by the nearest SLA deadline, cases without one last. */
		index('tickets_deadline_idx').on(t.organizerId, t.slaDueAt.asc().nullsLast(), t.id.asc()),
		/**
		 * The follow-up's reads (decision 064): a period of the organizer's cases with every column its counts group or
		 * filter by, so PostgreSQL answers them from the index alone instead of reading the wide case rows.
		 */
		index('tickets_followup_idx').on(
			t.organizerId,
			t.createdAt,
			// Carried, not searched (drizzle has no INCLUDE): what the counts group and filter by.
			t.unitId,
			t.chain,
			t.line,
			t.maxLine,
			t.categoryId,
			t.minutesLost,
			t.studentsAffected,
			t.cause,
			t.rating,
			t.state,
			t.mergedIntoId,
			t.solvedAt,
			t.deviceId,
			// The lead times join their stored rows on the case's id (decision 077): carried so that join reads the index too.
			t.id
		),
		/**
		 * The follow-up's device list (decision 075): only the cases about a device or a typed device type, with what the
		 * list filters and sums, so it reads those cases of the period instead of every case's row for its device type.
		 */
		index('tickets_followup_devices_idx')
			.on(t.organizerId, t.createdAt, t.unitId, t.chain, t.deviceId, t.deviceType, t.minutesLost, t.studentsAffected, t.mergedIntoId)
			.where(sql`${t.deviceId} IS NOT NULL OR (${t.deviceType} IS NOT NULL AND ${t.deviceType} <> '')`),
		/** The queue's "deadline" order: overdue first (most overdue first), then the soonest due, then none. */
		index('tickets_urgent_first_idx').on(t.organizerId, sql`coalesce(${t.slaOverdueSince}, ${t.slaDueAt})`, t.id)
	]
);

/** One step on a case's timeline. Internal notes have public = false. */
export const ticketEvents = pgTable(
	'ticket_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		actorId: uuid('actor_id').references(() => people.id),
		/** requester | handler | system */
		by: text('by').notNull(),
		/** filed | reply | note | state | assign | escalate | send_back | move_chain | merge | solve | reopen | close | rate | reminder | auto_close | attachment | chase */
		kind: text('kind').notNull(),
		public: boolean('public').notNull().default(true),
		/** Who reads an internal note: staff (the organization's staff, default) | all_lines (suppliers too). */
		audience: text('audience').notNull().default('staff'),
		body: text('body').notNull().default(''),
		/** Set when the event changed the state / the line. */
		stateTo: text('state_to'),
		lineTo: smallint('line_to'),
		data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
		/** The time the handler wrote down for this step (reply, note, solution), in minutes; null when none (decision 043). */
		minutesSpent: integer('minutes_spent'),
		createdAt: createdAt()
	},
	(t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.id), index('ticket_events_organizer_idx').on(t.organizerId, t.createdAt)]
);

/** Teams that have held a case: they keep seeing it (watchers) after it moves on. */
export const ticketTeams = pgTable(
	'ticket_teams',
	{
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		teamId: uuid('team_id')
			.notNull()
			.references(() => supportTeams.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.ticketId, t.teamId] }), index('ticket_teams_team_idx').on(t.teamId, t.ticketId)]
);

/** Images and PDFs attached to a case (checked by size and magic bytes before they get here). */
export const ticketAttachments = pgTable(
	'ticket_attachments',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		eventId: bigint('event_id', { mode: 'number' }).references(() => ticketEvents.id),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		sizeBytes: integer('size_bytes').notNull(),
		data: bytea('data').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)]
);

/** A recorded SLA breach: kept even if targets change later. line 0 = the whole case. */
export const ticketSlaBreaches = pgTable(
	'ticket_sla_breaches',
	{
		ticketId: uuid('ticket_id')
			.notNull()
			.references(() => tickets.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** first_response | feedback | resolution | line */
		kind: text('kind').notNull(),
		line: smallint('line').notNull().default(0),
		breachedAt: timestamp('breached_at', { withTimezone: true }).notNull(),
		recordedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.ticketId, t.kind, t.line] }), index('ticket_sla_breaches_org_idx').on(t.organizerId, t.breachedAt)]
);

/**
 * The neutral name ("Skyddad person 4") a person with protected identity goes by in an organizer's support
 * chain. Numbered per organizer in the order they were first shown, so the number says nothing about the person.
 */
export const protectedPseudonyms = pgTable(
	'protected_pseudonyms',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		number: integer('number').notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.personId] }), uniqueIndex('protected_pseudonyms_number_idx').on(t.organizerId, t.number)]
);
