import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';

/** The organizer's vision for its digital school development: one text per organizer. */
export const planningVisions = pgTable('planning_visions', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	text: text('text').notNull().default(''),
	updatedBy: uuid('updated_by').references(() => people.id),
	updatedAt: updatedAt()
});

/** A strategic goal of the organizer's vision, in the order the organizer gives them. */
export const planningGoals = pgTable(
	'planning_goals',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** Order on the vision page, smallest first. */
		position: integer('position').notNull().default(0),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('planning_goals_organizer_idx').on(t.organizerId, t.position)]
);

/** The national sub-goals (of a framework the organizer uses) a strategic goal serves; at least one. */
export const planningGoalSubGoals = pgTable(
	'planning_goal_sub_goals',
	{
		goalId: uuid('goal_id')
			.notNull()
			.references(() => planningGoals.id, { onDelete: 'cascade' }),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		frameworkKey: text('framework_key').notNull(),
		subGoalId: text('sub_goal_id').notNull()
	},
	(t) => [primaryKey({ columns: [t.goalId, t.frameworkKey, t.subGoalId] })]
);

/** A key concept of the common framework ("digital kompetens"); its meanings are versions. */
export const planningConcepts = pgTable(
	'planning_concepts',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		name: text('name').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('planning_concepts_name').on(t.organizerId, sql`lower(${t.name})`)]
);

/** One meaning of a concept. The newest is the current one; the older ones are kept as earlier meanings. */
export const planningConceptVersions = pgTable(
	'planning_concept_versions',
	{
		id: id(),
		conceptId: uuid('concept_id')
			.notNull()
			.references(() => planningConcepts.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		meaning: text('meaning').notNull(),
		authorId: uuid('author_id').references(() => people.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('planning_concept_versions_concept_idx').on(t.conceptId, t.createdAt)]
);

/**
 * A free-text section of the common framework: equal access, equal support, forums, roles in general,
 * or one role's responsibility ("role.principal").
 */
export const planningFrameworkTexts = pgTable(
	'planning_framework_texts',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		key: text('key').notNull(),
		text: text('text').notNull().default(''),
		updatedBy: uuid('updated_by').references(() => people.id),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.key] })]
);

/**
 * One row of the financing matrix: a standard part (row_key set: devices, pedagogical_support …) or the
 * organizer's own (row_key null, label set), who pays for it and a note.
 */
export const planningFinancingRows = pgTable(
	'planning_financing_rows',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		rowKey: text('row_key'),
		label: text('label').notNull().default(''),
		/** administration | unit | it | other; null: not decided. */
		payer: text('payer'),
		note: text('note').notNull().default(''),
		position: integer('position').notNull().default(0),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('planning_financing_rows_key')
			.on(t.organizerId, t.rowKey)
			.where(sql`${t.rowKey} IS NOT NULL`),
		index('planning_financing_rows_organizer_idx').on(t.organizerId, t.position)
	]
);
