import { bigint, index, integer, pgTable, uniqueIndex, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
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
		/**
		 * A keyed hash (HMAC-SHA-256 under a key derived from the installation key) of the personnummer the provider
		 * sent, only when its organizer mapped that attribute (decision 054); never the number itself. Null otherwise.
		 */
		nationalIdHash: text('national_id_hash'),
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

/**
 * A person's time-based one-time password (RFC 6238, decision 019). One row per person: pending while
 * `enabledAt` is null (set-up begun, not yet confirmed with a first code), in force once it is set.
 */
export const twoFactorSecrets = pgTable('two_factor_secrets', {
	personId: uuid('person_id')
		.primaryKey()
		.references(() => people.id),
	/** The shared secret, base32, sealed with the installation's key (decision 038; plain in rows from before); never logged, never shown after set-up. */
	secret: text('secret').notNull(),
	/** When the first code confirmed the set-up; null while pending. */
	enabledAt: timestamp('enabled_at', { withTimezone: true }),
	/** The 30-second step of the last accepted code: a code of that step or an earlier one is refused (no reuse). */
	lastUsedStep: bigint('last_used_step', { mode: 'number' }),
	createdAt: createdAt()
});

/** Single-use recovery codes for a lost phone; only the SHA-256 of each code is stored. */
export const twoFactorRecoveryCodes = pgTable(
	'two_factor_recovery_codes',
	{
		id: id(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		codeHash: text('code_hash').notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [index('two_factor_recovery_codes_person_idx').on(t.personId)]
);

/**
 * A sign-in half done: the password was right and a one-time code is still wanted. Only the SHA-256 of the
 * cookie token is stored; no session exists until the code is right.
 */
export const pendingSignIns = pgTable(
	'pending_sign_ins',
	{
		tokenHash: text('token_hash').primaryKey(),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('pending_sign_ins_person_idx').on(t.personId)]
);
