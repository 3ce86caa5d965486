import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantConversations, tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { ownConversation } from './queries';

/**
 * Marks the person's conversation as handed over to the case they just filed from it. Only their own conversation
 * and a case of the organizer they filed themselves (otherwise NOT_FOUND); a conversation already handed over keeps
 * its first case. Audited.
 */
export async function linkConversationToCase(
	db: Db,
	opts: { actor: Actor; organizerId: string; conversationId: string; ticketId: string }
) {
	const { actor, organizerId } = opts;
	authorize(actor, 'assistant.use', { type: 'knowledge', organizerId });
	return db.transaction(async (tx) => {
		const conversation = await ownConversation(tx, actor, organizerId, opts.conversationId, true);
		const [ticket] = await tx
			.select({ id: tickets.id, number: tickets.number })
			.from(tickets)
			.where(and(eq(tickets.id, opts.ticketId), eq(tickets.organizerId, organizerId), eq(tickets.filedById, actor.personId)));
		if (!ticket) throw new AppError('NOT_FOUND', 'case not found');
		if (conversation.ticketId) return { linked: false };
		await tx
			.update(assistantConversations)
			.set({ ticketId: ticket.id })
			.where(and(eq(assistantConversations.id, conversation.id), isNull(assistantConversations.ticketId)));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assistant.hand_over',
			entityType: 'assistant_conversation',
			entityId: conversation.id,
			changes: { ticketId: [null, ticket.id], ticketNumber: ticket.number }
		});
		return { linked: true };
	});
}
