import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantTurns } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { ownConversation } from './queries';

/**
 * "Hjälpte det?": the person's yes or no on one answer in their own conversation (another person's turn, or one in
 * another conversation, is NOT_FOUND). Answering again changes it. Audited when it changes.
 */
export async function markTurnHelpful(
	db: Db,
	opts: { actor: Actor; organizerId: string; conversationId: string; turnId: string; helpful: boolean }
) {
	const { actor, organizerId } = opts;
	authorize(actor, 'assistant.use', { type: 'knowledge', organizerId });
	if (!isUuid(opts.turnId)) throw new AppError('NOT_FOUND', 'turn not found');
	return db.transaction(async (tx) => {
		const conversation = await ownConversation(tx, actor, organizerId, opts.conversationId, true);
		const [turn] = await tx
			.select()
			.from(assistantTurns)
			.where(and(eq(assistantTurns.id, opts.turnId), eq(assistantTurns.conversationId, conversation.id)));
		if (!turn) throw new AppError('NOT_FOUND', 'turn not found');
		if (turn.helpful === opts.helpful) return { changed: false };
		await tx.update(assistantTurns).set({ helpful: opts.helpful }).where(eq(assistantTurns.id, turn.id));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assistant.feedback',
			entityType: 'assistant_conversation',
			entityId: conversation.id,
			changes: { turnId: turn.id, helpful: [turn.helpful, opts.helpful] }
		});
		return { changed: true };
	});
}
