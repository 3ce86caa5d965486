import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { calendarFeeds, memberships, organizers } from '../../db/schema';
import { env } from '../../env';
import { hashToken, newToken } from '../../auth/tokens';
import { loadActor } from '../../auth/load-actor';
import { findHomeOrganizerId } from '../../auth/home-organizer';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { meetingFeedSource } from './meeting-feed-source';
import { actionFeedSource } from './action-feed-source';
import { buildCalendarText } from './calendar-text';
import type { FeedSource } from './feed-source';

/** Every kind of dated thing a calendar feed lists. Council meetings become one more entry here. */
export const FEED_SOURCES: readonly FeedSource[] = [actionFeedSource, meetingFeedSource];

/** A feed token as it appears in the address (newToken: 32 random bytes, base64url). */
const TOKEN = /^[A-Za-z0-9_-]{32,100}$/;

/** The feed's address: `<ORIGIN>/kalender/<token>.ics`. */
export const calendarFeedUrl = (token: string, origin: string = env.ORIGIN) => `${origin.replace(/\/+$/, '')}/kalender/${token}.ics`;

/** Whether the person has a feed, and since when (the address itself is never stored). */
export async function getCalendarFeed(db: Db, opts: { actor: Actor }): Promise<{ createdAt: Date } | null> {
	const [row] = await db
		.select({ createdAt: calendarFeeds.createdAt })
		.from(calendarFeeds)
		.where(eq(calendarFeeds.personId, opts.actor.personId));
	return row ?? null;
}

async function auditFeed(tx: Db, actor: Actor, action: 'calendar_feed.create' | 'calendar_feed.renew' | 'calendar_feed.remove') {
	// The token is never written anywhere but to the person's screen.
	await recordAudit(tx, {
		organizerId: await findHomeOrganizerId(tx, actor.personId),
		actorId: actor.personId,
		action,
		entityType: 'calendar_feed',
		entityId: actor.personId
	});
}

/**
 * Makes the person's calendar feed, or a new address for it (the old one then answers 404): returns the
 * address, which is shown this once; only its hash is kept. Audited.
 */
export async function createCalendarFeed(db: Db, opts: { actor: Actor | null }): Promise<{ url: string; renewed: boolean }> {
	const { actor } = opts;
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	const token = newToken();
	return db.transaction(async (tx) => {
		const [old] = await tx
			.select({ personId: calendarFeeds.personId })
			.from(calendarFeeds)
			.where(eq(calendarFeeds.personId, actor.personId))
			.for('update');
		await tx
			.insert(calendarFeeds)
			.values({ personId: actor.personId, tokenHash: hashToken(token) })
			.onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash: hashToken(token), createdAt: new Date() } });
		await auditFeed(tx, actor, old ? 'calendar_feed.renew' : 'calendar_feed.create');
		return { url: calendarFeedUrl(token), renewed: !!old };
	});
}

/** Removes the person's feed: its address answers 404 from now on. Audited; nothing to remove is no error. */
export async function removeCalendarFeed(db: Db, opts: { actor: Actor | null }): Promise<boolean> {
	const { actor } = opts;
	if (!actor) throw new AppError('UNAUTHENTICATED', 'Inte inloggad');
	return db.transaction(async (tx) => {
		const gone = await tx
			.delete(calendarFeeds)
			.where(eq(calendarFeeds.personId, actor.personId))
			.returning({ personId: calendarFeeds.personId });
		if (gone.length) await auditFeed(tx, actor, 'calendar_feed.remove');
		return gone.length > 0;
	});
}

/** The feed's owner for a token from an address, or null for a malformed, unknown or replaced token. One indexed lookup. */
export async function findCalendarFeedOwner(db: Db, token: string): Promise<string | null> {
	if (!TOKEN.test(token)) return null;
	const [row] = await db
		.select({ personId: calendarFeeds.personId })
		.from(calendarFeeds)
		.where(eq(calendarFeeds.tokenHash, hashToken(token)));
	return row?.personId ?? null;
}

/**
 * The iCalendar text of a person's feed: what each source lists for them in the organizers they are still a
 * member of, judged with the roles in force today. Null when the person is no longer active.
 */
export async function renderCalendarFeed(
	db: Db,
	opts: { personId: string; sources?: readonly FeedSource[]; now?: Date }
): Promise<string | null> {
	const actor = await loadActor(db, opts.personId);
	if (!actor) return null;
	const mine = await db
		.select({ id: organizers.id, slug: organizers.slug })
		.from(memberships)
		.innerJoin(organizers, eq(organizers.id, memberships.organizerId))
		.where(eq(memberships.personId, actor.personId));
	const events = [];
	for (const source of opts.sources ?? FEED_SOURCES) events.push(...(await source.findForPerson(db, { actor, organizers: mine })));
	return buildCalendarText({ name: m.reminders_feed_name({}, { locale: 'sv' }), events, now: opts.now });
}
