import { type AnyPgColumn, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { kbArticles } from './knowledge';
import { organizers, people, units } from './org';

/**
 * A colleague question (issue 15, item 5): staff ask, colleagues and key people answer, the asker accepts one answer.
 * The pedagogical or technical key person on duty that week is told of questions nobody has answered.
 */
export const qaQuestions = pgTable(
	'qa_questions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** technical | pedagogical: whose duty roster hears of it. */
		chain: text('chain').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		askedBy: uuid('asked_by')
			.notNull()
			.references(() => people.id),
		/** The asker's unit, when they chose one. */
		unitId: uuid('unit_id').references(() => units.id),
		acceptedAnswerId: uuid('accepted_answer_id').references((): AnyPgColumn => qaAnswers.id),
		/** The draft article made from the accepted answer. */
		articleId: uuid('article_id').references(() => kbArticles.id),
		/** When the key person on duty was told it is still unanswered (once per question). */
		dutyNotifiedAt: timestamp('duty_notified_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('qa_questions_organizer_idx').on(t.organizerId, t.createdAt)]
);

/** An answer to a colleague question. */
export const qaAnswers = pgTable(
	'qa_answers',
	{
		id: id(),
		questionId: uuid('question_id')
			.notNull()
			.references((): AnyPgColumn => qaQuestions.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		body: text('body').notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('qa_answers_question_idx').on(t.questionId, t.createdAt)]
);

/** Who is on duty for a chain's colleague questions in a week (the Monday it starts). */
export const dutyRoster = pgTable(
	'duty_roster',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		chain: text('chain').notNull(),
		weekStart: date('week_start').notNull(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.chain, t.weekStart, t.personId] })]
);
