import { check, index, integer, jsonb, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';
import { assessmentRounds } from './assessment';

/** short: parts to go through · live: a session on dates with a place or link · recorded: a broadcast to watch · external: another platform's course */
export const COURSE_KINDS = ['short', 'live', 'recorded', 'external'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

/** One part of a course, in order: an article of the organizer's knowledge base, a film link, or a task. */
export type CoursePart =
	| { kind: 'article'; articleId: string; title: string }
	| { kind: 'film'; url: string; title: string }
	| { kind: 'task'; text: string; title: string };

/** A short single-choice quiz: each question's options and the index of the right one; passMark correct answers pass. */
export type CourseQuiz = { passMark: number; questions: { text: string; options: string[]; correct: number }[] };

/** What a course serves: reflection areas, aspects, national sub-goals, support categories and tools of the register. */
export type CourseTags = { areas: string[]; aspects: string[]; subGoals: string[]; categoryIds: string[]; toolIds: string[] };

/**
 * A course or session of an organizer's competence catalog (issue 19 item 3, decision 058). Parts, quiz and tags are
 * small documents read and written whole with the course, so they are JSON columns, not tables.
 */
export const competenceCourses = pgTable(
	'competence_courses',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		kind: text('kind').$type<CourseKind>().notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		parts: jsonb('parts').$type<CoursePart[]>().notNull().default([]),
		/** Null when the course has no quiz. */
		quiz: jsonb('quiz').$type<CourseQuiz | null>(),
		tags: jsonb('tags').$type<CourseTags>().notNull().default({ areas: [], aspects: [], subGoals: [], categoryIds: [], toolIds: [] }),
		/** The other platform's course (external), or where a recording is. */
		url: text('url').notNull().default(''),
		/** Live sessions: when, where (a place or a meeting link) and how many seats. */
		startsAt: timestamp('starts_at', { withTimezone: true }),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		place: text('place').notNull().default(''),
		capacity: integer('capacity'),
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('competence_courses_organizer_idx').on(t.organizerId, t.startsAt),
		check('competence_courses_kind', sql`${t.kind} IN ('short', 'live', 'recorded', 'external')`)
	]
);

/**
 * A person's sign-up to a course: which parts they have gone through, the quiz, attendance (live), completion and the
 * one-question feedback given once afterwards.
 */
export const competenceEnrolments = pgTable(
	'competence_enrolments',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		courseId: uuid('course_id')
			.notNull()
			.references(() => competenceCourses.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** Indexes of the parts gone through. */
		partsDone: jsonb('parts_done').$type<number[]>().notNull().default([]),
		quizPassedAt: timestamp('quiz_passed_at', { withTimezone: true }),
		/** Live sessions: set by the organizer when the person was there. */
		attendedAt: timestamp('attended_at', { withTimezone: true }),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** 1–5, given once after completion. */
		feedbackScore: smallint('feedback_score'),
		feedbackComment: text('feedback_comment').notNull().default(''),
		feedbackAt: timestamp('feedback_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		unique('competence_enrolments_unique').on(t.courseId, t.personId),
		index('competence_enrolments_person_idx').on(t.organizerId, t.personId),
		check('competence_enrolments_score', sql`${t.feedbackScore} IS NULL OR ${t.feedbackScore} BETWEEN 1 AND 5`)
	]
);

/**
 * The self-assessment figures course recommendations read, kept per closed round (decision 066): each sub-goal's
 * organizer mean and every unit's default-view value from the organizer report, with its suppression already applied.
 * `stamp` names what the report was built from (the round's dates, threshold and agreed levels); a different stamp
 * means the row is rebuilt. A cache: nothing but recommendations and the needs picture reads it.
 */
export const competenceRoundNeeds = pgTable('competence_round_needs', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => assessmentRounds.id),
	organizerId: uuid('organizer_id')
		.notNull()
		.references(() => organizers.id),
	stamp: text('stamp').notNull(),
	/** { roundName, published, subGoals: [{ id, title, total, units: { unitId: value|null } }] } */
	figures: jsonb('figures').$type<RoundNeedsFigures>().notNull(),
	computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
});

/** The cached figures of one closed round (see competenceRoundNeeds). */
export type RoundNeedsFigures = {
	roundName: string;
	published: boolean;
	subGoals: { id: string; title: { sv: string; en: string }; total: number | null; units: Record<string, number | null> }[];
};
