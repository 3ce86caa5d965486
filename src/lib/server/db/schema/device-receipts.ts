import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';
import { deviceEvents, devices } from './devices';

/** The device register's settings of one organizer (decision 071); no row: the defaults. */
export const deviceSettings = pgTable('device_settings', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	/** Whether a hand-out needs a receipt signed by the student or a guardian (off by default). */
	receiptsRequired: boolean('receipts_required').notNull().default(false),
	updatedAt: updatedAt()
});

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
