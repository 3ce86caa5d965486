import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { supportCategories } from './support';
import { planningGoals } from './vision';
import { competenceCourses } from './courses';

/**
 * An action plan: the organizer's (unit_id null) or one unit's, for one läsår ("2026/27", from 1 July).
 * One plan per scope and period. Later parts hang a vision's strategic goals and effect chains beside it.
 */
export const planningPlans = pgTable(
	'planning_plans',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Null for the organizer's own plan; otherwise a unit (a rektorsområde may hold one too). */
		unitId: uuid('unit_id').references(() => units.id),
		/** The läsår, "2026/27". */
		period: text('period').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('planning_plans_organizer_period')
			.on(t.organizerId, t.period)
			.where(sql`${t.unitId} IS NULL`),
		uniqueIndex('planning_plans_unit_period')
			.on(t.unitId, t.period)
			.where(sql`${t.unitId} IS NOT NULL`),
		check('planning_plans_period', sql`${t.period} ~ '^[0-9]{4}/[0-9]{2}$'`)
	]
);

/** One action of a plan: what, how, when, who, how it is followed up and the effect it should have. */
export const planningActions = pgTable(
	'planning_actions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		planId: uuid('plan_id')
			.notNull()
			.references(() => planningPlans.id),
		title: text('title').notNull(),
		how: text('how').notNull().default(''),
		startsOn: date('starts_on'),
		dueOn: date('due_on'),
		/** The person responsible: an active member of the organizer. */
		responsibleId: uuid('responsible_id')
			.notNull()
			.references(() => people.id),
		followUp: text('follow_up').notNull().default(''),
		effect: text('effect').notNull().default(''),
		hours: integer('hours'),
		/** Money in whole kronor (SEK). */
		moneySek: integer('money_sek'),
		supportCategoryId: uuid('support_category_id').references(() => supportCategories.id),
		/** The organizer's strategic goal the action serves, if any (same organizer, checked when saved). */
		goalId: uuid('goal_id').references(() => planningGoals.id),
		/** The catalog course the action holds ("hold course X for unit Y", decision 066), whose attendance and effect it follows. */
		courseId: uuid('course_id').references(() => competenceCourses.id),
		/** planned | in_progress | on_hold | done | dropped; every change is a row in planning_action_events. */
		status: text('status').notNull().default('planned'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('planning_actions_plan_idx').on(t.planId, t.dueOn),
		index('planning_actions_responsible_idx').on(t.responsibleId),
		index('planning_actions_goal_idx').on(t.goalId),
		check('planning_actions_dates', sql`${t.dueOn} IS NULL OR ${t.startsOn} IS NULL OR ${t.dueOn} >= ${t.startsOn}`),
		check('planning_actions_resources', sql`coalesce(${t.hours}, 0) >= 0 AND coalesce(${t.moneySek}, 0) >= 0`)
	]
);

/** People taking part in an action besides the responsible one. */
export const planningActionParticipants = pgTable(
	'planning_action_participants',
	{
		actionId: uuid('action_id')
			.notNull()
			.references(() => planningActions.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.actionId, t.personId] })]
);

/** A link from an action to a sub-goal (or one item of it) of a framework the organizer uses. */
export const planningActionLinks = pgTable(
	'planning_action_links',
	{
		id: id(),
		actionId: uuid('action_id')
			.notNull()
			.references(() => planningActions.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		frameworkKey: text('framework_key').notNull(),
		subGoalId: text('sub_goal_id').notNull(),
		/** Null: the whole sub-goal. */
		itemKey: text('item_key')
	},
	(t) => [
		index('planning_action_links_action_idx').on(t.actionId),
		index('planning_action_links_goal_idx').on(t.organizerId, t.frameworkKey, t.subGoalId)
	]
);

/** The history of an action: its creation and each status change, with the note given. */
export const planningActionEvents = pgTable(
	'planning_action_events',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		actionId: uuid('action_id')
			.notNull()
			.references(() => planningActions.id),
		/** Null for the creation. */
		fromStatus: text('from_status'),
		toStatus: text('to_status').notNull(),
		note: text('note').notNull().default(''),
		actorId: uuid('actor_id').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('planning_action_events_action_idx').on(t.actionId, t.createdAt)]
);
