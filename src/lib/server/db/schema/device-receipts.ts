import { boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';
import { deviceEvents, devices } from './devices';

/** The device register's settings of one organizer (decision 071); no row: the defaults. */
export const deviceSettings = pgTable(
	'device_settings',
	{
		organizerId: uuid('organizer_id')
			.primaryKey()
			.references(() => organizers.id),
		/** Whether a hand-out needs a receipt signed by the student or a guardian (off by default). */
		receiptsRequired: boolean('receipts_required').notNull().default(false),
		/**
		 * Since when receipts are required (set when the setting is turned on, cleared when off): only hand-outs made since
		 * are reminded, so turning it on does not remind everyone who got a device years ago (decision 071, addendum).
		 */
		receiptsRequiredSince: timestamp('receipts_required_since', { withTimezone: true }),
		/** After how many days an unsigned receipt is reminded, and again after as many (1–30; decision 071, addendum). */
		receiptReminderDays: integer('receipt_reminder_days').notNull().default(3),
		updatedAt: updatedAt()
	},
	(t) => [check('device_settings_reminder_days_check', sql`${t.receiptReminderDays} BETWEEN 1 AND 30`)]
);

/**
 * One reminder about an unsigned receipt (decision 071, addendum): the hand-out it is about, the person reminded,
 * its ordinal (1–3: at most three per hand-out, the unique index holds it under two workers) and the day it was sent.
 */
export const deviceReceiptReminders = pgTable(
	'device_receipt_reminders',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		eventId: uuid('event_id')
			.notNull()
			.references(() => deviceEvents.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		ordinal: smallint('ordinal').notNull(),
		/** The day (Europe/Stockholm) it was sent. */
		sentOn: date('sent_on').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('device_receipt_reminders_event_ordinal_unique').on(t.eventId, t.ordinal),
		check('device_receipt_reminders_ordinal_check', sql`${t.ordinal} BETWEEN 1 AND 3`)
	]
);

/**
 * A receipt signed in the app (decision 071): the hand-out or loan (a device_events row) it is for, who signed (the
 * person the device was handed to, signed in), the name they typed and whether as the student or a guardian. One per
 * hand-out, never changed.
 */
export const deviceReceiptSignatures = pgTable(
	'device_receipt_signatures',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		deviceId: uuid('device_id')
			.notNull()
			.references(() => devices.id),
		eventId: uuid('event_id')
			.notNull()
			.references(() => deviceEvents.id),
		signerId: uuid('signer_id')
			.notNull()
			.references(() => people.id),
		/** The name typed as the signature. */
		signedName: text('signed_name').notNull(),
		/** student | guardian. */
		signedAs: text('signed_as').notNull(),
		signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('device_receipt_signatures_event_unique').on(t.eventId), index('device_receipt_signatures_device_idx').on(t.deviceId)]
);
