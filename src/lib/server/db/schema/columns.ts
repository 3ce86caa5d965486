import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Byte-order text: the same sort on PGlite and PostgreSQL, whatever the server's locale. */
export const sortKey = customType<{ data: string }>({
	dataType: () => 'text COLLATE "C"'
});

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Bytes stored in the row (files of articles and agreements: small, read with their row's permissions). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => Buffer.from(v)
});
