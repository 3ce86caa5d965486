import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from './columns';
import { organizers, people } from './org';

/**
 * An API token for `/api/v1` (issue 16, decision 052). Only the SHA-256 of the secret is stored; the secret is
 * shown once. A personal token acts as its person (at most their rights, at one organizer); an organizer token acts
 * as the organizer's administration with the scopes it was given. Scopes are `<area>:read` / `<area>:write`.
 */
export const apiTokens = pgTable(
	'api_tokens',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** personal | organizer */
		kind: text('kind').notNull(),
		/** The person a personal token acts as; null for an organizer token. */
		personId: uuid('person_id').references(() => people.id),
		/** Who made the token (the person themself, or the administrator for an organizer token). */
		createdById: uuid('created_by_id')
			.notNull()
			.references(() => people.id),
		/** A name the owner chose, to tell tokens apart. */
		name: text('name').notNull(),
		/** SHA-256 (hex) of the secret. */
		tokenHash: text('token_hash').notNull().unique(),
		/** The first characters of the secret, shown in lists so the owner can tell which token is which. */
		prefix: text('prefix').notNull(),
		/** The scopes granted, e.g. ["cases:read", "cases:write"]. */
		scopes: jsonb('scopes').$type<string[]>().notNull(),
		/** After this the token is refused; null: never expires. */
		expiresAt: timestamp('expires_at', { withTimezone: true }),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('api_tokens_organizer_idx').on(t.organizerId),
		index('api_tokens_person_idx').on(t.personId),
		check(
			'api_tokens_kind',
			sql`(${t.kind} = 'personal' AND ${t.personId} IS NOT NULL) OR (${t.kind} = 'organizer' AND ${t.personId} IS NULL)`
		)
	]
);

/**
 * A webhook subscription of one organizer (decision 052): an http(s) address and the events sent to it, signed per
 * Standard Webhooks with a secret shown once and stored sealed (`sealSecret`).
 */
export const webhookSubscriptions = pgTable(
	'webhook_subscriptions',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		url: text('url').notNull(),
		/** The event types sent, e.g. ["case.created", "case.solved"] (WEBHOOK_EVENTS). */
		events: jsonb('events').$type<string[]>().notNull(),
		/** The `whsec_` signing secret, sealed with the installation's key. */
		secretSealed: text('secret_sealed').notNull(),
		createdById: uuid('created_by_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt(),
		/** Removed subscriptions are kept (with their deliveries) for the audit trail, and no longer sent to. */
		removedAt: timestamp('removed_at', { withTimezone: true })
	},
	(t) => [index('webhook_subscriptions_organizer_idx').on(t.organizerId)]
);

/** One attempt to deliver one event: the delivery log, newest first on the page. */
export const webhookDeliveries = pgTable(
	'webhook_deliveries',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		subscriptionId: uuid('subscription_id')
			.notNull()
			.references(() => webhookSubscriptions.id),
		/** The Standard Webhooks message id (the same on every attempt of one event). */
		messageId: text('message_id').notNull(),
		eventType: text('event_type').notNull(),
		/** The receiver's HTTP status; null when no answer came (refused address, timeout, connection error). */
		status: integer('status'),
		/** The first 500 characters of the receiver's answer. */
		bodyExcerpt: text('body_excerpt').notNull().default(''),
		error: text('error'),
		createdAt: createdAt()
	},
	(t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt)]
);

/**
 * An event waiting to be sent to one subscription (the webhook outbox): written in the transaction that made the
 * change, sent by the `webhook-deliveries` job with retries and backoff (as the mail outbox), each attempt logged
 * in webhook_deliveries.
 */
export const webhookMessages = pgTable(
	'webhook_messages',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		subscriptionId: uuid('subscription_id')
			.notNull()
			.references(() => webhookSubscriptions.id),
		/** The Standard Webhooks message id, the same on every attempt. */
		messageId: text('message_id').notNull(),
		eventType: text('event_type').notNull(),
		data: jsonb('data').$type<Record<string, unknown>>().notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		/** The last failure ('sending' while claimed); null once sent. */
		error: text('error'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('webhook_messages_due_idx')
			.on(t.id)
			.where(sql`sent_at IS NULL`)
	]
);
