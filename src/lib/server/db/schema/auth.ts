import { index, integer, pgTable, uniqueIndex, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { people } from './org';

/** A password for a person. Other authenticators (OIDC, SAML) get their own identity rows. */
export const passwordCredentials = pgTable('password_credentials', {
	personId: uuid('person_id')
		.primaryKey()
		.references(() => people.id),
	/** argon2id hash in PHC format. */
	hash: text('hash').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** External identities (provider + subject) that map to a person: OIDC and SAML plug in here. */
export const externalIdentities = pgTable(
	'external_identities',
	{
		provider: text('provider').notNull(),
		subject: text('subject').notNull(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('external_identities_key').on(t.provider, t.subject)]
);

/** A signed-in browser. Only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** How the person signed in: password | oidc:<provider> | saml:<provider>. */
		method: text('method').notNull(),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_person_idx').on(t.personId)]
);

/** One-time password reset links; only the hash of the token is stored. */
export const passwordResets = pgTable('password_resets', {
	tokenHash: text('token_hash').primaryKey(),
	personId: uuid('person_id')
		.notNull()
		.references(() => people.id),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: createdAt()
});

/**
 * A person's own request to sign in with another address (decision 018): the link goes to the new address,
 * and the address changes only when it is opened. Only the hash of the token is stored.
 */
export const emailChanges = pgTable(
	'email_changes',
	{
		tokenHash: text('token_hash').primaryKey(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		newEmail: text('new_email').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('email_changes_person_idx').on(t.personId)]
);

/** Fixed-window counters shared by every app node (rate limits live in the database). */
export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
	count: integer('count').notNull()
});
