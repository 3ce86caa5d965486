import { m } from '$lib/paraglide/messages';
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { channelPosts, teamChannels } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError, type FieldIssue } from '../errors';
import { authorizeConfigure, lockTeam, type ConfigOptions } from '../support/config/config-common';
import { checkChannelUrl, urlEnding } from './channel-payloads';
import { channelLabels, writeChannelPosts } from './queue-channel-posts';
import { env } from '../env';
import { readStoredSecret, sealSecret } from '../crypto/secrets';

/** A stored address as plain text, or null when it cannot be opened with this installation's keys (decision 038). */
function storedAddress(stored: string | null | undefined): string | null {
	if (!stored) return null;
	try {
		return readStoredSecret(stored);
	} catch {
		return null;
	}
}

/** The end of a stored address for the page; one that cannot be opened shows as unreadable. */
const storedEnding = (stored: string | null | undefined) => (stored ? urlEnding(storedAddress(stored) ?? '??????') : null);

type TeamOptions = ConfigOptions & { teamId: string };

/** What the team page shows of the channels: never the address, only its end; and how the last delivery went. */
export type TeamChannelsView = {
	teamsEnding: string | null;
	googleChatEnding: string | null;
	lastFailure: { at: string; error: string } | null;
	lastSentAt: string | null;
};

/** The team's channels for its administrator (the caller has checked the team belongs to the organizer). */
export async function getTeamChannels(db: Db, { actor, organizerId, teamId }: TeamOptions): Promise<TeamChannelsView> {
	authorizeConfigure(actor, organizerId);
	const [[ch], [failed], [sent]] = [
		await db.select().from(teamChannels).where(eq(teamChannels.teamId, teamId)),
		await db
			.select({ at: channelPosts.createdAt, error: channelPosts.error })
			.from(channelPosts)
			.where(
				and(
					eq(channelPosts.teamId, teamId),
					sql`${channelPosts.sentAt} IS NULL AND ${channelPosts.error} IS NOT NULL AND ${channelPosts.error} <> 'sending'`
				)
			)
			.orderBy(desc(channelPosts.id))
			.limit(1),
		await db
			.select({ at: channelPosts.sentAt })
			.from(channelPosts)
			.where(and(eq(channelPosts.teamId, teamId), isNotNull(channelPosts.sentAt)))
			.orderBy(desc(channelPosts.sentAt))
			.limit(1)
	];
	const sentAt = sent?.at ?? null;
	// A failure older than the last success is history; the page shows only one that is still the latest word.
	const failure = failed && (!sentAt || failed.at > sentAt) ? { at: failed.at.toISOString(), error: failed.error ?? '' } : null;
	return {
		teamsEnding: storedEnding(ch?.teamsUrl),
		googleChatEnding: storedEnding(ch?.googleChatUrl),
		lastFailure: failure,
		lastSentAt: sentAt?.toISOString() ?? null
	};
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const on = (v: unknown) => v === 'on' || v === true;

/**
 * Saves the team's chat channel addresses: a new address replaces the saved one, an empty field keeps it, the
 * remove box clears it. Only https addresses (http to this machine for tests). Audited without the addresses,
 * which are secrets: the audit says which channel was set or removed and how the new one ends.
 */
export async function saveTeamChannels(db: Db, { actor, organizerId, teamId, input }: TeamOptions & { input: Record<string, unknown> }) {
	authorizeConfigure(actor, organizerId);
	const fields = { teamsUrl: text(input.teamsUrl), googleChatUrl: text(input.googleChatUrl) };
	const issues: FieldIssue[] = Object.entries(fields).flatMap(([field, v]) => {
		const problem = v ? checkChannelUrl(v) : null;
		return problem ? [{ field, message: problem }] : [];
	});
	if (issues.length) throw new AppError('INVALID', 'Ogiltiga uppgifter', issues);
	return db.transaction(async (tx) => {
		await lockTeam(tx, organizerId, teamId);
		const [before] = await tx.select().from(teamChannels).where(eq(teamChannels.teamId, teamId));
		// Compared as plain text; stored sealed (decision 038), and a kept address keeps its stored form.
		const stored = { teamsUrl: before?.teamsUrl ?? null, googleChatUrl: before?.googleChatUrl ?? null };
		const next = { ...stored };
		const changes: Record<string, [string | null, string | null]> = {};
		for (const key of ['teamsUrl', 'googleChatUrl'] as const) {
			const removed = on(input[key === 'teamsUrl' ? 'removeTeams' : 'removeGoogleChat']);
			const was = stored[key] ? (storedAddress(stored[key]) ?? '??????') : null;
			const now = removed ? null : fields[key] || was;
			if (was === now) continue;
			next[key] = now ? sealSecret(now) : null;
			changes[key] = [was ? `…${urlEnding(was)}` : null, now ? `…${urlEnding(now)}` : null];
		}
		if (Object.keys(changes).length === 0) return 0;
		await tx
			.insert(teamChannels)
			.values({ teamId, ...next })
			.onConflictDoUpdate({ target: teamChannels.teamId, set: { ...next, updatedAt: sql`now()` } });
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'notifications.team_channels_update',
			entityType: 'support_team',
			entityId: teamId,
			changes
		});
		return Object.keys(changes).length;
	});
}

/** Queues a test post to each saved channel of the team (sent by the channel job like any post). */
export async function sendTestChannelPost(db: Db, { actor, organizerId, teamId }: TeamOptions): Promise<number> {
	authorizeConfigure(actor, organizerId);
	return db.transaction(async (tx) => {
		await lockTeam(tx, organizerId, teamId);
		const sv = { locale: 'sv' as const };
		const n = await writeChannelPosts(tx, teamId, null, {
			headline: m.notifications_channel_test({}, sv),
			number: 0,
			title: m.notifications_channel_test_title({}, sv),
			category: '–',
			priority: '–',
			line: '–',
			link: env.ORIGIN,
			labels: channelLabels(),
			threadKey: `test-${teamId}`
		});
		if (n === 0)
			throw new AppError('CONFLICT', 'notifications_error_no_channel', [{ field: 'test', message: 'notifications_error_no_channel' }]);
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'notifications.team_channels_test',
			entityType: 'support_team',
			entityId: teamId,
			changes: { posts: n }
		});
		return n;
	});
}
