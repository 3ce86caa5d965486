import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantConversations } from '../../db/schema';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import type { Actor } from '../../policies';

/** Questions read: enough for a long question, short enough to be a question (the search reads 500 characters). */
export const MAX_QUESTION = 500;
/** Turns in one conversation; a longer talk starts a new one. */
export const MAX_TURNS = 50;

/**
 * The actor's own conversation at the organizer, or NOT_FOUND (a malformed id, someone else's, another
 * organizer's): a conversation is continued, marked and handed over only by the person who had it. `lock` for a write.
 */
export async function ownConversation(db: Db, actor: Actor, organizerId: string, conversationId: unknown, lock = false) {
	if (!isUuid(conversationId)) throw new AppError('NOT_FOUND', 'conversation not found');
	const q = db
		.select()
		.from(assistantConversations)
		.where(
			and(
				eq(assistantConversations.id, conversationId),
				eq(assistantConversations.organizerId, organizerId),
				eq(assistantConversations.personId, actor.personId)
			)
		);
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new AppError('NOT_FOUND', 'conversation not found');
	return row;
}
