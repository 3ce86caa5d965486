import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { planningActions } from './planning';

/**
 * A standing forum of an organizer (an IT-råd, a network of key people, a leadership group) that meets and
 * minutes its decisions. kind: strategy | delivery. unit_id null: the whole organizer; otherwise one unit's.
 */
export const planningForums = pgTable(
	'planning_forums',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Null: the organizer's forum; a unit's forum may also be run by that unit's principal. */
		unitId: uuid('unit_id').references(() => units.id),
		name: text('name').notNull(),
		purpose: text('purpose').notNull().default(''),
		/** strategy | delivery. */
		kind: text('kind').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('planning_forums_organizer_idx').on(t.organizerId),
		check('planning_forums_kind', sql`${t.kind} IN ('strategy', 'delivery')`)
	]
);

/** The members of a forum: people of its organizer. */
export const planningForumMembers = pgTable(
	'planning_forum_members',
	{
		forumId: uuid('forum_id')
			.notNull()
			.references(() => planningForums.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.forumId, t.personId] }), index('planning_forum_members_person_idx').on(t.personId)]
);

/** One meeting of a forum. Once its minutes are published they are locked. */
export const planningMeetings = pgTable(
	'planning_meetings',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		forumId: uuid('forum_id')
			.notNull()
			.references(() => planningForums.id),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		place: text('place').notNull().default(''),
		/** Guests who are not members, as written in the minutes. */
		guests: text('guests').notNull().default(''),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		publishedBy: uuid('published_by').references(() => people.id),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('planning_meetings_forum_idx').on(t.forumId, t.startsAt)]
);

/**
 * A decision minuted at a meeting: what, who owns it, by when, and how it stands. It may have made an action
 * in a plan, or point at one that exists.
 */
export const planningDecisions = pgTable(
	'planning_decisions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		forumId: uuid('forum_id')
			.notNull()
			.references(() => planningForums.id),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => planningMeetings.id),
		text: text('text').notNull(),
		/** An active member of the organizer. */
		ownerId: uuid('owner_id')
			.notNull()
			.references(() => people.id),
		dueOn: date('due_on'),
		/** open | done | dropped. */
		status: text('status').notNull().default('open'),
		actionId: uuid('action_id').references(() => planningActions.id),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('planning_decisions_forum_idx').on(t.forumId, t.status),
		index('planning_decisions_owner_idx').on(t.organizerId, t.ownerId, t.status),
		check('planning_decisions_status', sql`${t.status} IN ('open', 'done', 'dropped')`)
	]
);

/**
 * One item on a meeting's agenda with its minutes. kind: item (written by hand), decision (an open decision
 * carried from an earlier meeting) or overdue (an overdue action of a member).
 */
export const planningMeetingItems = pgTable(
	'planning_meeting_items',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => planningMeetings.id),
		position: integer('position').notNull(),
		kind: text('kind').notNull().default('item'),
		title: text('title').notNull(),
		minutes: text('minutes').notNull().default(''),
		decisionId: uuid('decision_id').references(() => planningDecisions.id),
		actionId: uuid('action_id').references(() => planningActions.id)
	},
	(t) => [
		index('planning_meeting_items_meeting_idx').on(t.meetingId, t.position),
		check('planning_meeting_items_kind', sql`${t.kind} IN ('item', 'decision', 'overdue')`)
	]
);

/** Who of the members was at a meeting (one row per member when attendance is taken). */
export const planningMeetingAttendance = pgTable(
	'planning_meeting_attendance',
	{
		meetingId: uuid('meeting_id')
			.notNull()
			.references(() => planningMeetings.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		present: boolean('present').notNull()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.personId] })]
);
