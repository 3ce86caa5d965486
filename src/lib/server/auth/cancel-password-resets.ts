import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { passwordResets } from '../db/schema';

/**
 * Spends every open reset link of a person, so none of them works any more (after an e-mail change, a
 * deactivation or a reset). Call it inside the caller's transaction; the caller audits. Returns how many ended.
 */
export async function cancelPasswordResets(db: Db, personId: string, now = new Date()): Promise<number> {
	const ended = await db
		.update(passwordResets)
		.set({ usedAt: now })
		.where(and(eq(passwordResets.personId, personId), isNull(passwordResets.usedAt)))
		.returning({ tokenHash: passwordResets.tokenHash });
	return ended.length;
}
