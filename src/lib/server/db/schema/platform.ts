import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { organizers, people } from './org';

/** Every write: who, what, which record, before/after. Written in the same transaction as the change. */
export const auditEvents = pgTable(
	'audit_events',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		organizerId: uuid('organizer_id').references(() => organizers.id),
		/** Null for anonymous actions (a failed sign-in, the setup page). */
		actorId: uuid('actor_id').references(() => people.id),
		/** Verb-noun, e.g. unit.create, person.update, session.create. */
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id'),
		/** { field: [before, after] } for changed fields; or free detail for other events. */
		changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
		createdAt: createdAt()
	},
	(t) => [index('audit_events_organizer_idx').on(t.organizerId, t.id), index('audit_events_entity_idx').on(t.entityType, t.entityId)]
);

/** Mail waiting to be sent, or kept here when no SMTP server is configured. */
export const outbox = pgTable(
	'outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		organizerId: uuid('organizer_id').references(() => organizers.id),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/**
		 * The body holds a one-time secret (a password-reset link): never shown to administrators, and
		 * emptied once delivered.
		 */
		sensitive: boolean('sensitive').notNull().default(false),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/** 'sending' while claimed; else the last failure's text (kept when delivery gives up). */
		error: text('error'),
		/** Send attempts so far, counted when a row is claimed (a crash mid-send counts too). */
		attempts: integer('attempts').notNull().default(0),
		/**
		 * When the row may be tried next. Null: now for a fresh row, never for a failed one (given up).
		 * While 'sending' it is the end of the claim: a claim older than that is treated as failed.
		 */
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('outbox_organizer_idx').on(t.organizerId, t.id),
		/** Delivery scans only unsent rows, oldest first. */
		index('outbox_unsent_idx')
			.on(t.id)
			.where(sql`${t.sentAt} IS NULL`)
	]
);

/**
 * Installation-wide settings, one JSON value per key, validated by the owning domain (e.g. `security`:
 * whether system administrators must use two-step verification, decision 019).
 */
export const instanceSettings = pgTable('instance_settings', {
	key: text('key').primaryKey(),
	value: jsonb('value').$type<Record<string, unknown>>().notNull().default({}),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
