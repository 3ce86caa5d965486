import { index, jsonb, pgTable, primaryKey, integer, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people, units } from './org';

/**
 * A generated board report (nämndrapport, issue 20): who made it, when, for which period and filters, and a
 * snapshot of every figure as it was then, so the report never changes afterwards (decision 062).
 */
export const boardReports = pgTable(
	'board_reports',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** A short label of the period, e.g. "HT 2026" or "2026-08-01 – 2026-12-31". */
		label: text('label').notNull(),
		/** First day of the period (Stockholm date). */
		periodFrom: date('period_from').notNull(),
		/** Last day of the period, inclusive. */
		periodTo: date('period_to').notNull(),
		/** Null: the whole organizer; otherwise the unit (and what lies under it) the support figures count. */
		unitId: uuid('unit_id').references(() => units.id),
		/** The report's language when it was generated (sv | en): its sentences are written in it. */
		locale: text('locale').notNull().default('sv'),
		/** Every figure of every section, suppressed cells already without numbers. */
		snapshot: jsonb('snapshot').notNull(),
		generatedBy: uuid('generated_by').references(() => people.id),
		generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('board_reports_organizer_idx').on(t.organizerId, t.generatedAt)]
);

/**
 * A decision the administration asks the board for, entered by leadership before generating. report_id null: a draft
 * ask, still editable; generating a report takes every draft ask of the organizer into it, after which it is frozen.
 */
export const boardReportAsks = pgTable(
	'board_report_asks',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		reportId: uuid('report_id').references(() => boardReports.id),
		title: text('title').notNull(),
		/** One sentence explaining the ask. */
		body: text('body').notNull(),
		position: integer('position').notNull().default(0),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('board_report_asks_organizer_idx').on(t.organizerId, t.reportId)]
);

/** People of the organizer who get a link to the newest board report by e-mail each term. */
export const boardReportReaders = pgTable(
	'board_report_readers',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** The last report this reader was mailed about (so each term's mail goes once). */
		lastMailedReportId: uuid('last_mailed_report_id').references(() => boardReports.id),
		/** When the reader was last mailed: at most one mail a term. */
		lastMailedAt: timestamp('last_mailed_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.organizerId, t.personId] })]
);
