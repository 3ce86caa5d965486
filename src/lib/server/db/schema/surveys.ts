import { boolean, check, index, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from './columns';
import { organizers, people, units } from './org';
import { tickets } from './support';
import { guidanceBookings } from './guidance';

/**
 * custom: made by hand · pulse: the standing pulse after closed cases · support_quality: a round of the recurring survey ·
 * student_progression: students of one year group about the progression plan's steps · guidance_feedback: the short
 * form after a guidance session (decision 067)
 */
export const SURVEY_KINDS = ['custom', 'pulse', 'support_quality', 'student_progression', 'guidance_feedback'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** One option of a single-choice question, in both languages. */
export type SurveyOption = { key: string; sv: string; en: string };

/**
 * One question, in Swedish and English. choice: one of `options` · scale: an integer min…max with labelled ends ·
 * text: free text (always optional, shown only for groups at or above the anonymity threshold).
 */
export type SurveyQuestion =
	| { key: string; kind: 'choice'; sv: string; en: string; options: SurveyOption[] }
	| {
			key: string;
			kind: 'scale';
			sv: string;
			en: string;
			min: number;
			max: number;
			minLabel: { sv: string; en: string };
			maxLabel: { sv: string; en: string };
	  }
	| { key: string; kind: 'text'; sv: string; en: string };

/**
 * A survey (issue 20 item 1, decision 059): its questions are a small document read and written whole, so a JSON
 * column. Anonymous surveys keep who was invited and who has answered (survey_invitations) apart from the answers
 * (survey_responses carry a unit and a period, never a person, a case or a time).
 */
export const surveys = pgTable(
	'surveys',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		kind: text('kind').$type<SurveyKind>().notNull(),
		titleSv: text('title_sv').notNull(),
		titleEn: text('title_en').notNull(),
		/** Anonymous: answers are never linked to a person. Signed: the response names its person (shown to managers). */
		anonymous: boolean('anonymous').notNull().default(true),
		questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
		/** draft | open | closed. Results of a survey are shown only once it is closed (a pulse: per ended month). */
		status: text('status').notNull().default('draft'),
		/** The recurring survey these rounds belong to (the template key), so results can be shown over time. */
		seriesKey: text('series_key'),
		/** technical | pedagogical | null (both): the support chain a support-quality round asks about. */
		chain: text('chain'),
		/** The units a round was sent to. */
		unitIds: uuid('unit_ids')
			.array()
			.notNull()
			.default(sql`'{}'::uuid[]`),
		/** At most this many reminders to those who have not answered. */
		maxReminders: smallint('max_reminders').notNull().default(2),
		createdById: uuid('created_by_id').references(() => people.id),
		openedAt: timestamp('opened_at', { withTimezone: true }),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('surveys_organizer_idx').on(t.organizerId, t.createdAt.desc()),
		/** One standing pulse survey per organizer. */
		uniqueIndex('surveys_one_pulse_idx')
			.on(t.organizerId)
			.where(sql`${t.kind} = 'pulse'`),
		check('surveys_status', sql`${t.status} IN ('draft', 'open', 'closed')`)
	]
);

/**
 * One person's invitation to a survey: a one-use token (stored as its SHA-256 hash) and whether it has been used.
 * This is "who was invited and who has answered"; it never points at the answers.
 */
export const surveyInvitations = pgTable(
	'survey_invitations',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => surveys.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The unit the person answers for (the case's unit for a pulse): the group their answers count in. */
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		/** The closed case a pulse asks about; null for other surveys. */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** The guidance booking the feedback after a session asks about (decision 067); null for other surveys. */
		bookingId: uuid('booking_id').references(() => guidanceBookings.id),
		tokenHash: text('token_hash').notNull().unique(),
		/** The period the answers count in: YYYY-MM for a pulse (the month it was sent), '' otherwise. */
		period: text('period').notNull().default(''),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		remindersSent: smallint('reminders_sent').notNull().default(0),
		lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true })
	},
	(t) => [
		index('survey_invitations_survey_idx').on(t.surveyId, t.unitId),
		index('survey_invitations_person_idx').on(t.personId, t.sentAt.desc()),
		/** A round invites a person once; pulses (one per case) and guidance feedback (one per booking) may invite again. */
		uniqueIndex('survey_invitations_once_idx')
			.on(t.surveyId, t.personId)
			.where(sql`${t.ticketId} IS NULL AND ${t.bookingId} IS NULL`),
		uniqueIndex('survey_invitations_booking_idx')
			.on(t.bookingId)
			.where(sql`${t.bookingId} IS NOT NULL`),
		uniqueIndex('survey_invitations_ticket_idx')
			.on(t.ticketId)
			.where(sql`${t.ticketId} IS NOT NULL`)
	]
);

/**
 * One submitted set of answers. Carries the group it counts in (unit and period) and, for a signed survey only, the
 * person; deliberately no time, no case and no invitation, so an anonymous response cannot be joined back to anyone.
 */
export const surveyResponses = pgTable(
	'survey_responses',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => surveys.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id),
		period: text('period').notNull().default(''),
		/** Only for signed surveys. */
		personId: uuid('person_id').references(() => people.id)
	},
	(t) => [index('survey_responses_survey_idx').on(t.surveyId, t.period, t.unitId)]
);

/** One answer: a number (scale), an option key (choice) or text (free text). */
export const surveyAnswers = pgTable(
	'survey_answers',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => surveyResponses.id, { onDelete: 'cascade' }),
		questionKey: text('question_key').notNull(),
		value: smallint('value'),
		choice: text('choice'),
		text: text('text')
	},
	(t) => [primaryKey({ columns: [t.responseId, t.questionKey] })]
);

/** An organizer's pulse settings (decision 059). Missing row: the defaults. */
export const surveySettings = pgTable('survey_settings', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	pulseEnabled: boolean('pulse_enabled').notNull().default(true),
	/** Working days (Monday–Friday) after the close before the pulse is sent. */
	pulseDelayDays: smallint('pulse_delay_days').notNull().default(1),
	/** A person gets at most one pulse in this many days. */
	pulseCapDays: smallint('pulse_cap_days').notNull().default(30)
});

/**
 * What the pulse job decided for a closed case, once: sent (with the invitation) or skipped (capped, merged, no
 * address). Makes the job idempotent and is where the 30-day cap is counted from.
 */
export const surveyPulseDecisions = pgTable(
	'survey_pulse_decisions',
	{
		ticketId: uuid('ticket_id')
			.primaryKey()
			.references(() => tickets.id),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** sent | capped | merged | withdrawn | disabled | inactive */
		outcome: text('outcome').notNull(),
		decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('survey_pulse_decisions_person_idx').on(t.personId, t.decidedAt.desc())]
);
