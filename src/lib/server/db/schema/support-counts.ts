import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { organizers, units } from './org';

/*
 * The support follow-up's counts kept per organizer, unit, Stockholm month of filing and chain (decision 075), so
 * the follow-up (countFigures, monthlyFigures) sums a few thousand rows for whole months instead of reading every case
 * of a school year. Kept by triggers in the database (migration 0065): a statement on `tickets` subtracts its old rows'
 * contribution and adds its new rows', grouped, in one upsert; a breach recorded or removed on `ticket_sla_breaches`
 * moves its case's SLA or OLA counts. Whichever code writes, in the same transaction. A merged case counts nowhere. A row
 * whose cases all moved away stays at zeros and the readers skip it. Lead-time percentiles cannot be summed and are not
 * here (ticket_lead_times, decision 064/072).
 *
 * Each counted case adds 1 to four rows of its (unit, month, chain), one of each `kind`:
 * - 'line' (key: the highest line it reached, "1"–"3"): its lost minutes and students, and its SLA counts — for
 *   each of first response, feedback and resolution, "measured" (the case has the target and is solved, closed or in
 *   breach of it) and "breached"; and its OLA counts per line (decision 077): for each line with a per-line
 *   target that the case reached (its highest line), "measured" (solved, closed or in breach of it) and "breached";
 * - 'category' (key: the category's id, "" for none): its lost minutes and students;
 * - 'cause' (key: the cause, "" for none) and 'rating' (key: "1"–"5", "" for none): the case only.
 */
export const supportMonthCounts = pgTable(
	'support_month_counts',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		unitId: uuid('unit_id')
			.notNull()
			.references(() => units.id, { onDelete: 'cascade' }),
		/** The first day of the Stockholm month the cases were filed in. */
		month: date('month').notNull(),
		chain: text('chain').notNull(),
		/** line | category | cause | rating */
		kind: text('kind').notNull(),
		key: text('key').notNull(),
		cases: integer('cases').notNull().default(0),
		minutes: integer('minutes').notNull().default(0),
		students: integer('students').notNull().default(0),
		firstResponseMeasured: integer('first_response_measured').notNull().default(0),
		firstResponseBreached: integer('first_response_breached').notNull().default(0),
		feedbackMeasured: integer('feedback_measured').notNull().default(0),
		feedbackBreached: integer('feedback_breached').notNull().default(0),
		resolutionMeasured: integer('resolution_measured').notNull().default(0),
		resolutionBreached: integer('resolution_breached').notNull().default(0),
		/** OLA per line (migration 0069): "measured" and "breached" for lines 1–3, on the 'line' row only. */
		ola1Measured: integer('ola1_measured').notNull().default(0),
		ola1Breached: integer('ola1_breached').notNull().default(0),
		ola2Measured: integer('ola2_measured').notNull().default(0),
		ola2Breached: integer('ola2_breached').notNull().default(0),
		ola3Measured: integer('ola3_measured').notNull().default(0),
		ola3Breached: integer('ola3_breached').notNull().default(0)
	},
	(t) => [primaryKey({ name: 'support_month_counts_pk', columns: [t.organizerId, t.month, t.unitId, t.chain, t.kind, t.key] })]
);
