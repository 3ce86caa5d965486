import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { env } from '../env';
import { organizers, pendingSignIns, people, sessions } from '../db/schema';
import type { Actor } from '../policies';
import { hashToken, newToken } from './tokens';
import { actorColumns, actorFromRow, todayInStockholm } from './load-actor';
import { mustSetUpTwoFactorColumn } from './two-factor/two-factor-requirement';
import { unreadNotificationsColumn } from '../notifications/unread-column';
import { surveysWaitingColumn } from '../followup/surveys/surveys-waiting-column';
import { jsonColumn } from '../db/json-column';
import { barredOrganizersColumn, withoutBarredOrganizers } from './sso/organizer-sign-in-rule';

export const SESSION_COOKIE = 'rodtrad_session';

const DAY_MS = 86_400_000;

/** The moment a session started at `createdAt` ends for good, however active it was (SESSION_MAX_DAYS). */
export const sessionHardEnd = (createdAt: Date, maxDays: number) => new Date(createdAt.getTime() + maxDays * DAY_MS);

/**
 * Starts a session for a person who has proved who they are, by whatever method.
 * Password, OIDC and SAML sign-in all end here. Returns the cookie token.
 * It lasts `days` without activity and `maxDays` at most (sessions store their start, `created_at`).
 */
export async function createSession(
	db: Db,
	opts: { personId: string; method: string; days: number; maxDays?: number }
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const now = new Date();
	const idleEnd = new Date(now.getTime() + opts.days * DAY_MS);
	const hardEnd = sessionHardEnd(now, opts.maxDays ?? env.SESSION_MAX_DAYS);
	const expiresAt = idleEnd < hardEnd ? idleEnd : hardEnd;
	await db
		.insert(sessions)
		.values({ tokenHash: hashToken(token), personId: opts.personId, method: opts.method, createdAt: now, expiresAt });
	return { token, expiresAt };
}

/**
 * The active person behind a cookie token, or null. Extends the session when half its life has passed,
 * never past `maxDays` after it started.
 */
export async function validateSession(db: Db, token: string, days: number, maxDays = env.SESSION_MAX_DAYS) {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	const now = new Date();
	const [row] = await db
		.select({ personId: sessions.personId, expiresAt: sessions.expiresAt, createdAt: sessions.createdAt, status: people.status })
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.where(
			and(
				eq(sessions.tokenHash, tokenHash),
				gt(sessions.expiresAt, now),
				gt(sessions.createdAt, new Date(now.getTime() - maxDays * DAY_MS))
			)
		);
	if (!row || row.status !== 'active') return null;
	return { personId: row.personId, expiresAt: await renewSession(db, tokenHash, row, days, maxDays) };
}

type Organizer = typeof organizers.$inferSelect;

/** The request hook's query, built once per database handle (drizzle prepares it with placeholders). */
const hookQueries = new WeakMap<Db, ReturnType<typeof buildHookQuery>>();
function buildHookQuery(db: Db) {
	return db
		.select({
			id: people.id,
			name: people.name,
			status: people.status,
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			...actorColumns(sql.placeholder('today')),
			mustSetUpTwoFactor: mustSetUpTwoFactorColumn(sql.placeholder('today')),
			unreadNotifications: unreadNotificationsColumn(),
			surveysWaiting: surveysWaitingColumn(),
			barredOrganizerIds: barredOrganizersColumn(),
			organizer: organizers
		})
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.leftJoin(organizers, eq(organizers.slug, sql.placeholder('slug')))
		.where(
			and(
				eq(sessions.tokenHash, sql.placeholder('tokenHash')),
				gt(sessions.expiresAt, sql.placeholder('now')),
				gt(sessions.createdAt, sql.placeholder('startedAfter'))
			)
		)
		.prepare('validate_session_actor');
}

/**
 * `validateSession` and `loadActor` in one round trip (the request hook's path): the session, its active
 * person and the roles and teams in force today. Same expiry (idle and absolute), sliding renewal and status
 * checks; null otherwise.
 * Given an organizer slug (the URL's), the organizer comes along too (null when there is none by that slug),
 * so an organizer page needs no query of its own to find it.
 * `mustSetUpTwoFactor`: an administrator required to use two-step verification who has not set it up (decision 019).
 * `unreadNotifications`: the header's bell, read here so a page needs no query of its own for it (decision 037);
 * `surveysWaiting`, the header's survey hint, likewise.
 */
export async function validateSessionActor(
	db: Db,
	token: string,
	days: number,
	orgSlug?: string,
	maxDays = env.SESSION_MAX_DAYS
): Promise<{
	personId: string;
	expiresAt: Date;
	actor: Actor;
	organizer: Organizer | null;
	mustSetUpTwoFactor: boolean;
	unreadNotifications: number;
	surveysWaiting: number;
	/** Organizers that require their own sign-in this session did not use: the actor has no roles there (decision 050). */
	barredOrganizerIds: string[];
} | null> {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	let query = hookQueries.get(db);
	if (!query) hookQueries.set(db, (query = buildHookQuery(db)));
	const now = new Date();
	const startedAfter = new Date(now.getTime() - maxDays * DAY_MS);
	const [row] = await query.execute({ today: todayInStockholm(), slug: orgSlug ?? null, tokenHash, now, startedAfter });
	if (!row || row.status !== 'active') return null;
	const barredOrganizerIds = jsonColumn(row.barredOrganizerIds);
	return {
		personId: row.id,
		expiresAt: await renewSession(db, tokenHash, row, days, maxDays),
		actor: withoutBarredOrganizers(actorFromRow(row), barredOrganizerIds),
		barredOrganizerIds,
		organizer: row.organizer,
		mustSetUpTwoFactor: row.mustSetUpTwoFactor === true,
		unreadNotifications: Number(row.unreadNotifications),
		surveysWaiting: Number(row.surveysWaiting)
	};
}

/**
 * Moves the expiry `days` ahead once half the session's life has passed, but never past its hard end
 * (`maxDays` after it started); returns the expiry in force.
 */
async function renewSession(
	db: Db,
	tokenHash: string,
	session: { expiresAt: Date; createdAt: Date },
	days: number,
	maxDays: number
): Promise<Date> {
	const renewAt = session.expiresAt.getTime() - (days * DAY_MS) / 2;
	if (Date.now() <= renewAt) return session.expiresAt;
	const hardEnd = sessionHardEnd(session.createdAt, maxDays);
	const wanted = new Date(Date.now() + days * DAY_MS);
	const renewed = wanted < hardEnd ? wanted : hardEnd;
	if (renewed.getTime() <= session.expiresAt.getTime()) return session.expiresAt;
	await db.update(sessions).set({ expiresAt: renewed }).where(eq(sessions.tokenHash, tokenHash));
	return renewed;
}

export async function deleteSession(db: Db, token: string) {
	await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a person (after a password reset or deactivation). */
export async function deleteSessionsOfPerson(db: Db, personId: string) {
	await db.delete(sessions).where(eq(sessions.personId, personId));
}

/** Deletes expired sessions and expired half-done sign-ins (decision 019). */
export async function deleteExpiredSessions(db: Db) {
	const now = new Date();
	await db.delete(sessions).where(lt(sessions.expiresAt, now));
	await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
}
