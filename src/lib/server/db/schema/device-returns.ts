import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns';
import { organizers, people } from './org';
import { deviceEvents, devices } from './devices';

/**
 * A photo of a returned device (decision 071), on the `inspected` history row it came with. Checked as the case
 * attachments are (size, the image's own first bytes) and kept in the row like them; never changed or deleted, as
 * the history it belongs to.
 */
export const deviceReturnPhotos = pgTable(
	'device_return_photos',
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
		fileName: text('file_name').notNull(),
		/** image/png | image/jpeg | image/webp, as the bytes showed. */
		contentType: text('content_type').notNull(),
		sizeBytes: integer('size_bytes').notNull(),
		data: bytea('data').notNull(),
		createdBy: uuid('created_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('device_return_photos_device_idx').on(t.deviceId, t.eventId)]
);
