import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns';
import { organizers, people } from './org';

/** Where a sync stopped: the next page to fetch, so a failed run resumes there (decision 051). */
export type Ss12000Resume = {
	/** The sync this point belongs to: links seen by it carry this id (full syncs deactivate the unseen). */
	syncId: string;
	mode: 'full' | 'delta';
	/** organisations | persons | duties | groups | deleted | finish */
	phase: string;
	/** The token of the next page to fetch in this phase; null = its first page. */
	pageToken: string | null;
	/** When the sync began: the next delta asks for changes after this (less the overlap). */
	startedAt: string;
	/** Deltas: the lower bound asked of the server (already less the overlap). */
	since: string | null;
	/**
	 * Deltas: source ids of persons the source had deleted and now lists again; their duties are read again in the
	 * `returning` step, since unchanged duties are not in the delta.
	 */
	returning?: string[];
};

/** Counts of one run. */
export type Ss12000Counts = { created: number; updated: number; ended: number; deactivated: number; unchanged: number; skipped: number };

/**
 * One entity the run could not take, with the source's id. `key` and `params` name the message (shown in the reader's
 * language); runs written before the keys carry a Swedish `message` instead, shown as it is.
 */
export type Ss12000EntityError = { entity: string; sourceId: string; key?: string; params?: Record<string, string>; message?: string };

/** A few examples of each change (the dry run's diff). */
export type Ss12000Examples = Partial<Record<keyof Ss12000Counts, string[]>>;

/**
 * An organizer's SS 12000 server (issue 16, decision 051): where it is, how to authenticate, how duties map to roles.
 * The secret (a bearer token or an OAuth2 client secret) is sealed (sealSecret) and never shown again.
 */
export const ss12000Configs = pgTable('ss12000_configs', {
	organizerId: uuid('organizer_id')
		.primaryKey()
		.references(() => organizers.id),
	/** The API's base, e.g. https://ss12000.exempel.se/v2.0 (paths are appended). */
	baseUrl: text('base_url').notNull(),
	/** bearer | oauth2 */
	authKind: text('auth_kind').notNull().default('bearer'),
	/** OAuth2 client credentials: the token endpoint and the client id. */
	tokenUrl: text('token_url'),
	clientId: text('client_id'),
	/** The bearer token or the OAuth2 client secret, sealed. */
	sealedSecret: text('sealed_secret'),
	/** SS 12000 dutyRole → Rödtråd role; duties whose role is missing here are skipped. */
	roleMap: jsonb('role_map').$type<Record<string, string>>().notNull(),
	/** Whether groups are read too (kept in the link table for later use). */
	syncGroups: boolean('sync_groups').notNull().default(false),
	/** The start of the last finished sync: deltas ask for changes after it. Null until the first full sync. */
	syncedUntil: timestamp('synced_until', { withTimezone: true }),
	/** A sync an administrator asked for and the job has not started yet: full | auto | dry_run. */
	requestedMode: text('requested_mode'),
	requestedBy: uuid('requested_by').references(() => people.id),
	/** Where an unfinished sync stopped (see Ss12000Resume); null when none is unfinished. */
	resume: jsonb('resume').$type<Ss12000Resume | null>(),
	/**
	 * Notifications (decision 051 addendum): the SHA-256 of the secret in our notification address, the server's
	 * subscription id and expiry, and how the last attempt went: active | unsupported | failed.
	 */
	notifyTokenHash: text('notify_token_hash').unique(),
	subscriptionId: text('subscription_id'),
	subscriptionExpires: timestamp('subscription_expires', { withTimezone: true }),
	subscriptionState: text('subscription_state'),
	subscriptionCheckedAt: timestamp('subscription_checked_at', { withTimezone: true }),
	/** When a notification last asked for a sync (the audit log has each one). */
	notifiedAt: timestamp('notified_at', { withTimezone: true }),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/**
 * The source's id of each entity the sync has seen, and what it became here: a unit (organisation), a person, a role
 * assignment (duty), or nothing (groups, other organisation types, skipped duties).
 */
export const ss12000Links = pgTable(
	'ss12000_links',
	{
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** organisation | person | duty | group */
		entity: text('entity').notNull(),
		sourceId: text('source_id').notNull(),
		/** The unit, person or role assignment; null when the entity has no counterpart. */
		localId: uuid('local_id'),
		/** A name to show (groups, skipped entities). */
		label: text('label'),
		/** The sync that saw it last (Ss12000Resume.syncId). */
		seenSyncId: uuid('seen_sync_id'),
		/** Set when the source deleted it or a full sync no longer saw it. */
		goneAt: timestamp('gone_at', { withTimezone: true }),
		updatedAt: updatedAt()
	},
	(t) => [
		primaryKey({ columns: [t.organizerId, t.entity, t.sourceId] }),
		index('ss12000_links_local_idx').on(t.organizerId, t.entity, t.localId)
	]
);

/** One sync run: its mode, when, what it changed and what it could not take. */
export const ss12000Runs = pgTable(
	'ss12000_runs',
	{
		id: id(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		/** full | delta | dry_run */
		mode: text('mode').notNull(),
		/** running | done | failed */
		status: text('status').notNull().default('running'),
		/** Whether it continued an unfinished sync from its resume point. */
		resumed: boolean('resumed').notNull().default(false),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		counts: jsonb('counts').$type<Ss12000Counts>().notNull(),
		/** Entities not taken (at most 200 kept), with the source's id. */
		errors: jsonb('errors').$type<Ss12000EntityError[]>().notNull().default([]),
		errorCount: integer('error_count').notNull().default(0),
		/** Examples of each change (dry runs). */
		examples: jsonb('examples').$type<Ss12000Examples>().notNull().default({}),
		/** Why the run stopped, when it failed. */
		failure: text('failure'),
		requestedBy: uuid('requested_by').references(() => people.id),
		createdAt: createdAt()
	},
	(t) => [index('ss12000_runs_organizer_idx').on(t.organizerId, t.startedAt)]
);
