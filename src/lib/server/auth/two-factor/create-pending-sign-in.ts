import type { Db } from '../../db';
import { pendingSignIns } from '../../db/schema';
import { hashToken, newToken } from '../tokens';

/** The cookie that carries a half-done sign-in to /logga-in/kod. */
export const PENDING_SIGN_IN_COOKIE = 'rodtrad_second_step';
/** How long the second step waits for a code. */
export const PENDING_SIGN_IN_MINUTES = 10;

/**
 * Remembers that a person gave the right password and still owes a code. Returns the cookie token; only its
 * SHA-256 is stored, and no session exists until the code is right.
 */
export async function createPendingSignIn(db: Db, personId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MINUTES * 60_000);
	await db.insert(pendingSignIns).values({ tokenHash: hashToken(token), personId, expiresAt, createdAt: now });
	return { token, expiresAt };
}
