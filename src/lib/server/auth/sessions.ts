import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { people, sessions } from '../db/schema';
import { hashToken, newToken } from './tokens';

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
	const renewAt = row.expiresAt.getTime() - (days * 86_400_000) / 2;
	if (Date.now() > renewAt) {
		const expiresAt = new Date(Date.now() + days * 86_400_000);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
		return { personId: row.personId, expiresAt };
	}
	return { personId: row.personId, expiresAt: row.expiresAt };
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
