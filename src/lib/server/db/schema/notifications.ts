import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './columns';
import { organizers, people } from './org';
import { supportTeams, tickets } from './support';
import { kbArticles } from './knowledge';

/**
 * One notification for one person about one case (decision 026): written in the transaction of the case event
 * that caused it (outbox pattern), read in the app ("Aviseringar"), and mailed at once or in the daily digest.
 */
export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		organizerId: uuid('organizer_id')
			.notNull()
			.references(() => organizers.id),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		/** new_case | assigned | escalated | requester_reply | sla_at_risk | sla_breached | receipt | sent_back | chased | article_review */
		kind: text('kind').notNull(),
		/** The case it is about; null for a notification about an article (article_review). */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		/** The knowledge-base article it is about (article_review), else null. */
		articleId: uuid('article_id').references(() => kbArticles.id),
		/** Text parameters as they were when written (case number, title, line …); names already pseudonymised. */
		params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
		/** Once-only key (an SLA warning per deadline); null when the event itself is the key. */
		dedupeKey: text('dedupe_key'),
		/** What the person chose for mail when it was written: none | immediate | digest. */
		email: text('email').notNull().default('none'),
		/** When it went into a mail (at once or in a digest); null while a digest still owes it. */
		emailedAt: timestamp('emailed_at', { withTimezone: true }),
		readAt: timestamp('read_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('notifications_person_idx').on(t.personId, t.id),
		index('notifications_unread_idx')
			.on(t.personId)
			.where(sql`read_at IS NULL`),
		index('notifications_digest_idx')
			.on(t.personId)
			.where(sql`email = 'digest' AND emailed_at IS NULL`),
		uniqueIndex('notifications_dedupe_idx').on(t.personId, t.dedupeKey)
	]
);

/** A person's mail choice for one kind of notification; no row: the default for their roles (decision 026). */
export const notificationPreferences = pgTable(
	'notification_preferences',
	{
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id),
		kind: text('kind').notNull(),
		/** off | immediate | digest */
		email: text('email').notNull(),
		updatedAt: updatedAt()
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind] })]
);

/**
 * A support team's chat channels: a Microsoft Teams Workflows webhook and/or a Google Chat webhook. The addresses
 * are secrets, stored sealed (`sealSecret`, decision 038) and never shown again.
 */
export const teamChannels = pgTable('team_channels', {
	teamId: uuid('team_id')
		.primaryKey()
		.references(() => supportTeams.id),
	teamsUrl: text('teams_url'),
	googleChatUrl: text('google_chat_url'),
	updatedAt: updatedAt()
});

/**
 * One post to a team channel, written with the case event (outbox) and sent by the `notification-channels` job
 * with retries. The payload holds no personal data (decision 026).
 */
export const channelPosts = pgTable(
	'channel_posts',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		teamId: uuid('team_id')
			.notNull()
			.references(() => supportTeams.id),
		/** teams | google_chat */
		channel: text('channel').notNull(),
		/** The case's id; null for a test message. */
		ticketId: uuid('ticket_id').references(() => tickets.id),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
		/** The last failure ('sending' while claimed); null once sent. */
		error: text('error'),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('channel_posts_due_idx')
			.on(t.id)
			.where(sql`sent_at IS NULL`),
		index('channel_posts_team_idx').on(t.teamId, t.id)
	]
);
