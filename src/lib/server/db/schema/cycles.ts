import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';
import { planningActions } from './planning';

/**
 * An Undersök → Analysera → Agera cycle of the organizer (unit_id null) or one unit: a working group
 * examines how support works today, analyses it and turns the result into actions of the scope's plan.
 */
export const planningCycles = pgTable(
	'planning_cycles',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** Null for the organizer's own cycle. */
		unitId: uuid('unit_id').references(() => units.id),
		name: text('name').notNull(),
		/** The day the cycle was opened. */
		openedOn: date('opened_on').notNull(),
		/** The scope's cycle before this one (its actions are shown when this one opens); nothing else is copied. */
		previousId: uuid('previous_id'),
		/** Analysera: strengths, development needs, consequences for the students' equal digital competence. */
		strengths: text('strengths').notNull().default(''),
		needs: text('needs').notNull().default(''),
		consequences: text('consequences').notNull().default(''),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('planning_cycles_scope_idx').on(t.organizerId, t.unitId, t.openedOn)]
);

/** The working group of a cycle: people of the organizer, who may write in it. */
export const planningCycleMembers = pgTable(
	'planning_cycle_members',
	{
		cycleId: uuid('cycle_id')
			.notNull()
			.references(() => planningCycles.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id)
	},
	(t) => [primaryKey({ columns: [t.cycleId, t.personId] }), index('planning_cycle_members_person_idx').on(t.personId)]
);

/** Undersök: the group's note on one question (questions live in code, keyed). */
export const planningCycleAnswers = pgTable(
	'planning_cycle_answers',
	{
		cycleId: uuid('cycle_id')
			.notNull()
			.references(() => planningCycles.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		questionKey: text('question_key').notNull(),
		note: text('note').notNull(),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.cycleId, t.questionKey] })]
);

/** Agera: one entry of a row of the plan table; action_id is set once it has become an action of the plan. */
export const planningCycleEntries = pgTable(
	'planning_cycle_entries',
	{
		id: id(),
		cycleId: uuid('cycle_id')
			.notNull()
			.references(() => planningCycles.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** cohesive (sammanhållen digitalisering) | pedagogical | technical. */
		area: text('area').notNull(),
		position: integer('position').notNull().default(0),
		what: text('what').notNull().default(''),
		how: text('how').notNull().default(''),
		dueOn: date('due_on'),
		responsibleId: uuid('responsible_id').references(() => people.id),
		followUp: text('follow_up').notNull().default(''),
		effect: text('effect').notNull().default(''),
		actionId: uuid('action_id').references(() => planningActions.id),
		createdAt: createdAt()
	},
	(t) => [
		index('planning_cycle_entries_cycle_idx').on(t.cycleId, t.area, t.position),
		index('planning_cycle_entries_action_idx').on(t.actionId),
		check('planning_cycle_entries_area', sql`${t.area} IN ('cohesive', 'pedagogical', 'technical')`)
	]
);

export type CycleRow = typeof planningCycles.$inferSelect;
export type CycleEntryRow = typeof planningCycleEntries.$inferSelect;
