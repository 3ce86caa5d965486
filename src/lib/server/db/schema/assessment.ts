import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { organizers, people, units } from './org';

/** A skattningsomgång: one framework version, some units and perspectives, between two dates. */
export const assessmentRounds = pgTable(
	'assessment_rounds',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		name: text('name').notNull(),
		/** Folder name under content/frameworks, e.g. nationella-strategin. */
		frameworkKey: text('framework_key').notNull(),
		/** File name without .yaml, e.g. 2026.1. */
		frameworkVersion: text('framework_version').notNull(),
		/** Subset of leadership, staff, students, key_people. */
		perspectives: text('perspectives').array().notNull(),
		opensOn: date('opens_on').notNull(),
		closesOn: date('closes_on').notNull(),
		/** Smallest group whose answers are shown (copied from the organizer's setting when created). */
		anonymityThreshold: smallint('anonymity_threshold').notNull().default(5),
		/**
		 * Reminder points for those with an account who have not submitted: days before closes_on (decision 036).
		 * Empty = no reminders.
		 */
		reminderDays: smallint('reminder_days')
			.array()
			.notNull()
			.default(sql`'{7,2}'::smallint[]`),
		/** Set when closed early or by hand; otherwise the round closes after closes_on. */
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/**
		 * Raised by every write that can change the figures of a closed round (an agreed level, a rebuild of its sums):
		 * a stored summary (assessment_round_figures) counts only while its version is this one (decision 074).
		 */
		figuresVersion: integer('figures_version').notNull().default(0),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('assessment_rounds_organizer_idx').on(t.organizerId, t.opensOn)]
);

/**
 * The figures of a closed round that the follow-up reads (decision 074): per sub-goal the organizer's total and each
 * unit's default-view value with the spread between units — taken from the organizer report after its suppression,
 * so nothing here is finer than what the report shows. Stored when the round closes by hand, else on first read;
 * valid while `version` equals the round's figures_version.
 */
export const assessmentRoundFigures = pgTable('assessment_round_figures', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => assessmentRounds.id, { onDelete: 'cascade' }),
	organizerId: uuid('organizer_id')
		.notNull()
		.references(() => organizers.id),
	version: integer('version').notNull(),
	figures: jsonb('figures').notNull(),
	computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
});

/** The units taking part in a round. */
export const assessmentRoundUnits = pgTable(
	'assessment_round_units',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.roundId, t.unitId] }), index('assessment_round_units_unit_idx').on(t.unitId)]
);

/** The organizer's own items added to one round (same shape as a framework item). */
export const assessmentCustomItems = pgTable(
	'assessment_custom_items',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		/** Unique within the round; starts with "egen." so it never collides with a framework key. */
		key: text('key').notNull(),
		/** The framework sub-goal it belongs to. */
		subGoalId: text('sub_goal_id').notNull(),
		/** { statement, levels, perspectives, next_steps } as in a framework item. */
		content: jsonb('content').$type<Record<string, unknown>>().notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('assessment_custom_items_key').on(t.roundId, t.key)]
);

/** A link that lets anyone with it answer for one unit and perspective without signing in. */
export const assessmentLinks = pgTable(
	'assessment_links',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		perspective: text('perspective').notNull(),
		/** The link's random token, kept so administrators can show the link again. */
		token: text('token').notNull().unique(),
		/**
		 * How many submitted responses the link takes: the group size the administrator states (e.g. the
		 * unit's staff count). A full link starts and submits no more, so nobody can pad a group with extra
		 * responses (decision 014). Links made before capacities existed get 30, a class.
		 */
		capacity: integer('capacity').notNull().default(30),
		createdAt: createdAt()
	},
	(t) => [
		check('assessment_links_capacity', sql`${t.capacity} BETWEEN 1 AND 1000`),
		uniqueIndex('assessment_links_scope').on(t.roundId, t.unitId, t.perspective)
	]
);

/**
 * One respondent's answers for a unit in a round. A signed-in respondent has person_id
 * (never shown with the answers); an anonymous one has a browser token hash instead.
 */
export const assessmentResponses = pgTable(
	'assessment_responses',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		perspective: text('perspective').notNull(),
		personId: uuid('person_id').references(() => people.id),
		linkId: uuid('link_id').references(() => assessmentLinks.id),
		/** SHA-256 of the cookie that lets an anonymous respondent resume. */
		resumeTokenHash: text('resume_token_hash').unique(),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('assessment_responses_round_unit_idx').on(t.roundId, t.unitId, t.perspective),
		uniqueIndex('assessment_responses_person').on(t.roundId, t.unitId, t.perspective, t.personId),
		check('assessment_responses_who', sql`(${t.personId} IS NULL) <> (${t.resumeTokenHash} IS NULL)`)
	]
);

/** One answer: a level 1–4, or "vet ej" / "ej aktuellt", with an optional comment. */
export const assessmentAnswers = pgTable(
	'assessment_answers',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => assessmentResponses.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		itemKey: text('item_key').notNull(),
		/** 1–4, or null when the answer is dont_know / not_applicable. */
		level: smallint('level'),
		/** dont_know | not_applicable, or null when a level was chosen. */
		special: text('special'),
		comment: text('comment'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.responseId, t.itemKey] }),
		check(
			'assessment_answers_value',
			sql`(${t.level} BETWEEN 1 AND 4 AND ${t.special} IS NULL) OR (${t.level} IS NULL AND ${t.special} IN ('dont_know', 'not_applicable'))`
		)
	]
);

/** The unit's agreed level for an item after its team has discussed the answers. */
export const assessmentConsensus = pgTable(
	'assessment_consensus',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		itemKey: text('item_key').notNull(),
		level: smallint('level'),
		special: text('special'),
		evidence: text('evidence').notNull().default(''),
		note: text('note').notNull().default(''),
		decidedBy: uuid('decided_by').references(() => people.id),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.roundId, t.unitId, t.itemKey] }),
		check(
			'assessment_consensus_value',
			sql`(${t.level} BETWEEN 1 AND 4 AND ${t.special} IS NULL) OR (${t.level} IS NULL AND ${t.special} IN ('dont_know', 'not_applicable'))`
		)
	]
);

/** What a unit or the organizer concluded when a round closed ("Ni sa – vi gör"). Planning attaches actions to items later. */
export const assessmentConclusions = pgTable(
	'assessment_conclusions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		/** Null: the organizer's conclusion. */
		unitId: uuid('unit_id').references(() => units.id),
		/** Optional scope: a sub-goal id or an item key the conclusion is about (where planning actions attach). */
		subGoalId: text('sub_goal_id'),
		itemKey: text('item_key'),
		summary: text('summary').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('assessment_conclusions_round_idx').on(t.roundId, t.unitId)]
);

/**
 * Running sums of submitted answers per round × unit × perspective × item, kept in the same
 * transaction as each submission (answers cannot change after it). Reports read these few
 * rows instead of every answer, which keeps the organizer report fast at scale.
 */
export const assessmentItemStats = pgTable(
	'assessment_item_stats',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		perspective: text('perspective').notNull(),
		itemKey: text('item_key').notNull(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Answers with a level, their sum and sum of squares. */
		n: integer('n').notNull().default(0),
		sum: integer('sum').notNull().default(0),
		sumSq: integer('sum_sq').notNull().default(0),
		dontKnow: integer('dont_know').notNull().default(0),
		notApplicable: integer('not_applicable').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.roundId, t.unitId, t.perspective, t.itemKey] })]
);

/**
 * The same sums per round × unit × perspective × sub-goal (the item → sub-goal mapping is fixed
 * for a round), rebuilt from assessment_item_stats for the unit in each submission's transaction.
 * Perspective '*' holds the unit's figures over all perspectives. `minItemN` is the smallest
 * positive n of one item in the group (null when none): a group "rests thin" on some item when it is
 * below the anonymity threshold. The organizer report reads these instead of every item row.
 */
export const assessmentSubGoalStats = pgTable(
	'assessment_sub_goal_stats',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => assessmentRounds.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		perspective: text('perspective').notNull(),
		subGoalId: text('sub_goal_id').notNull(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		n: integer('n').notNull().default(0),
		sum: integer('sum').notNull().default(0),
		sumSq: integer('sum_sq').notNull().default(0),
		dontKnow: integer('dont_know').notNull().default(0),
		notApplicable: integer('not_applicable').notNull().default(0),
		minItemN: integer('min_item_n')
	},
	(t) => [primaryKey({ columns: [t.roundId, t.unitId, t.perspective, t.subGoalId] })]
);
