import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
	(t) => [
		index('audit_events_organizer_idx').on(t.organizerId, t.id),
		index('audit_events_entity_idx').on(t.entityType, t.entityId)
	]
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
		sentAt: timestamp('sent_at', { withTimezone: true }),
		error: text('error'),
		createdAt: createdAt()
	},
	(t) => [index('outbox_organizer_idx').on(t.organizerId, t.id)]
);

