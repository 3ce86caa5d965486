import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { appDecisions, appRequests, appTools, tickets } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import { isOpen } from '../../support/handling/rules';
import { appendTicketEvent } from '../../support/tickets/append-event';
import { decisionReply } from './request-texts';

type Decision = typeof appDecisions.$inferSelect;

/**
 * Answers the open requests for a tool when a decision about it is recorded (called by decideTool in its
 * transaction, apps.manage): each request is marked decided, and its support case gets the outcome as a public
 * solution and is solved — so the requester hears it through the chain's usual notifications. A case that was already
 * solved or closed is left as it is. Audited per request. Returns how many requests were answered.
 */
export async function settleToolRequests(tx: Db, opts: { actor: Actor; organizerId: string; decision: Decision }): Promise<number> {
	const { actor, organizerId, decision } = opts;
	authorize(actor, 'apps.manage', { type: 'apps', organizerId });
	const open = await tx
		.select({ id: appRequests.id, ticketId: appRequests.ticketId })
		.from(appRequests)
		.where(and(eq(appRequests.organizerId, organizerId), eq(appRequests.toolId, decision.toolId), isNull(appRequests.decisionId)))
		.for('update');
	if (!open.length) return 0;
	const [tool] = await tx.select({ name: appTools.name }).from(appTools).where(eq(appTools.id, decision.toolId));
	for (const r of open) {
		await tx.update(appRequests).set({ decisionId: decision.id, decidedAt: decision.decidedAt }).where(eq(appRequests.id, r.id));
		const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, r.ticketId)).for('update');
		const solved = isOpen(ticket.state);
		if (solved)
			await appendTicketEvent(tx, ticket, {
				actorId: actor.personId,
				by: 'handler',
				kind: 'solve',
				public: true,
				body: decisionReply({ ...decision, toolName: tool.name }),
				stateTo: 'solved',
				data: { appDecisionId: decision.id }
			});
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'app_request.decide',
			entityType: 'app_request',
			entityId: r.id,
			changes: { outcome: [null, decision.outcome], ticket: ticket.number, state: [ticket.state, solved ? 'solved' : ticket.state] }
		});
	}
	return open.length;
}
