import { check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from './columns';
import { organizers, people, units } from './org';

/**
 * One version of an organizer's progression plan for students' digital competence (issue 19, decision 053).
 * A new version copies every step of the one before; the newest version is the plan in force. Markings belong
 * to the version they were made on, so an old version keeps its history and takes no new markings.
 */
export const competencePlans = pgTable(
	'competence_plans',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** 1, 2, 3 … per organizer; the highest is in force. */
		version: integer('version').notNull(),
		/** Why this version was made (free text, may be empty). */
		note: text('note').notNull().default(''),
		/** The shipped starter plan's key and version when the plan was adopted from it; null for a copy. */
		source: text('source'),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [unique('competence_plans_version_unique').on(t.organizerId, t.version)]
);

/**
 * One step of a plan version: a year group (STAGES: förskola, F, 1–9, gy1–gy3), one of Skolverket's four aspects
 * of digital competence (ASPECTS), the step in plain language and, where it fits, a note on the curriculum's
 * central content. `stepKey` stays the same when a version is copied, so a step can be followed across versions.
 */
export const competenceSteps = pgTable(
	'competence_steps',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		planId: uuid('plan_id')
			.notNull()
			.references(() => competencePlans.id),
		stepKey: text('step_key').notNull(),
		/** forskola | F | 1 … 9 | gy1 | gy2 | gy3 */
		stage: text('stage').notNull(),
		/** society | tools | critical | create */
		aspect: text('aspect').notNull(),
		position: integer('position').notNull().default(0),
		/** The step, written so a student of that year can read it. */
		text: text('text').notNull(),
		/** A note on the curriculum's central content the step serves; empty when none. */
		contentNote: text('content_note').notNull().default('')
	},
	(t) => [
		unique('competence_steps_key_unique').on(t.planId, t.stepKey),
		index('competence_steps_plan_idx').on(t.planId, t.stage, t.aspect),
		check('competence_steps_aspect', sql`${t.aspect} IN ('society', 'tools', 'critical', 'create')`)
	]
);

/**
 * A class at a unit: unit + year group + name ("4B"). Rödtråd's own small notion until SS 12000 groups arrive
 * (decision 053); archived classes keep their markings.
 */
export const competenceClasses = pgTable(
	'competence_classes',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		stage: text('stage').notNull(),
		name: text('name').notNull(),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [unique('competence_classes_name_unique').on(t.organizerId, t.unitId, t.name), index('competence_classes_unit_idx').on(t.unitId)]
);

/**
 * A teacher's marking that a class worked on a step, on a day, with a note or an example. Unit and year group are
 * copied from the class so coverage reads one table. A withdrawn marking keeps its row (withdrawnAt set) and no
 * longer counts.
 */
export const competenceMarkings = pgTable(
	'competence_markings',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		planId: uuid('plan_id')
			.notNull()
			.references(() => competencePlans.id),
		stepId: uuid('step_id')
			.notNull()
			.references(() => competenceSteps.id),
		classId: uuid('class_id')
			.notNull()
			.references(() => competenceClasses.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		stage: text('stage').notNull(),
		workedOn: date('worked_on').notNull(),
		note: text('note').notNull().default(''),
		markedBy: uuid('marked_by')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt(),
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true })
	},
	(t) => [
		index('competence_markings_coverage_idx').on(t.organizerId, t.planId, t.workedOn, t.unitId, t.stepId),
		index('competence_markings_class_idx').on(t.classId),
		index('competence_markings_person_idx').on(t.markedBy)
	]
);

/**
 * One person's private reflection on their own digital competence for teaching (decision 053): the answer to each
 * item (0–4) and the level (1–6) per area computed from them. Only the person reads it; the organizer sees
 * aggregates of everyone's newest reflection, hidden under the anonymity threshold.
 */
export const competenceReflections = pgTable(
	'competence_reflections',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The shipped item set's key and version (content/competence/reflection.json). */
		itemSet: text('item_set').notNull(),
		answers: jsonb('answers').$type<Record<string, number>>().notNull(),
		levels: jsonb('levels').$type<Record<string, number>>().notNull(),
		/** The level over all areas (1–6). */
		overall: smallint('overall').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('competence_reflections_person_idx').on(t.organizerId, t.personId, t.createdAt)]
);
