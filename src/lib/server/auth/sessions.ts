import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { organizers, people, sessions } from '../db/schema';
import type { Actor } from '../policies';
import { hashToken, newToken } from './tokens';
import { actorColumns, actorFromRow, todayInStockholm } from './load-actor';

export const SESSION_COOKIE = 'rodtrad_session';

/**
 * Starts a session for a person who has proved who they are, by whatever method.
 * Password, OIDC and SAML sign-in all end here. Returns the cookie token.
 */
export async function createSession(
	db: Db,
	opts: { personId: string; method: string; days: number }
): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(Date.now() + opts.days * 86_400_000);
	await db.insert(sessions).values({ tokenHash: hashToken(token), personId: opts.personId, method: opts.method, expiresAt });
	return { token, expiresAt };
}

/** The active person behind a cookie token, or null. Extends the session when half its life has passed. */
export async function validateSession(db: Db, token: string, days: number) {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({ personId: sessions.personId, expiresAt: sessions.expiresAt, status: people.status })
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())));
	if (!row || row.status !== 'active') return null;
	return { personId: row.personId, expiresAt: await renewSession(db, tokenHash, row.expiresAt, days) };
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
			...actorColumns(sql.placeholder('today')),
			organizer: organizers
		})
		.from(sessions)
		.innerJoin(people, eq(people.id, sessions.personId))
		.leftJoin(organizers, eq(organizers.slug, sql.placeholder('slug')))
		.where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now'))))
		.prepare('validate_session_actor');
}

/**
 * `validateSession` and `loadActor` in one round trip (the request hook's path): the session, its active
 * person and the roles and teams in force today. Same expiry, sliding renewal and status checks; null otherwise.
 * Given an organizer slug (the URL's), the organizer comes along too (null when there is none by that slug),
 * so an organizer page needs no query of its own to find it.
 */
export async function validateSessionActor(
	db: Db,
	token: string,
	days: number,
	orgSlug?: string
): Promise<{ personId: string; expiresAt: Date; actor: Actor; organizer: Organizer | null } | null> {
	if (!token || token.length > 200) return null;
	const tokenHash = hashToken(token);
	let query = hookQueries.get(db);
	if (!query) hookQueries.set(db, (query = buildHookQuery(db)));
	const [row] = await query.execute({ today: todayInStockholm(), slug: orgSlug ?? null, tokenHash, now: new Date() });
	if (!row || row.status !== 'active') return null;
	return {
		personId: row.id,
		expiresAt: await renewSession(db, tokenHash, row.expiresAt, days),
		actor: actorFromRow(row),
		organizer: row.organizer
	};
}

/** Moves the expiry `days` ahead once half the session's life has passed; returns the expiry in force. */
async function renewSession(db: Db, tokenHash: string, expiresAt: Date, days: number): Promise<Date> {
	const renewAt = expiresAt.getTime() - (days * 86_400_000) / 2;
	if (Date.now() <= renewAt) return expiresAt;
	const renewed = new Date(Date.now() + days * 86_400_000);
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

export async function deleteExpiredSessions(db: Db) {
	await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
