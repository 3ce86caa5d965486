import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordResets, people } from '../db/schema';
import { hashToken } from './tokens';

/**
 * The person a reset link belongs to, if the link is still usable: known, unused,
 * unexpired, and its person active. Null for anything else, including nonsense tokens.
 */
export async function findUsablePasswordReset(db: Db, token: string): Promise<{ personId: string } | null> {
	if (!token || token.length > 200) return null;
	const [row] = await db
		.select({ personId: passwordResets.personId })
		.from(passwordResets)
		.innerJoin(people, eq(people.id, passwordResets.personId))
		.where(
			and(
				eq(passwordResets.tokenHash, hashToken(token)),
				isNull(passwordResets.usedAt),
				gt(passwordResets.expiresAt, new Date()),
				eq(people.status, 'active')
			)
		);
	return row ?? null;
}
