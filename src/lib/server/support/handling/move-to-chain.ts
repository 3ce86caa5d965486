import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { CHAINS } from '../constants';
import { appendTicketEvent } from '../tickets/append-event';
import { loadSlaTargets } from '../tickets/sla-targets';
import { teamName } from './find-teams';
import { isOpen, otherChain } from './rules';
import { caseAudit, lockCase, type StepOptions } from './step';
import { conflict, parseOrThrow } from '../../errors';

export const moveToChainSchema = z.object({
	toChain: z.enum(CHAINS, { message: 'support_error_choose_chain' }),
	reason: z
		.string({ message: 'handling_error_reason_required' })
		.trim()
		.min(1, 'handling_error_reason_required')
		.max(4000, 'support_error_too_long')
});
export type MoveToChainInput = z.input<typeof moveToChainSchema>;

/**
 * Moves an open case to the other chain (technical ↔ pedagogical) so it does not fall in the gap:
 * it starts again at that chain's first line with no team, handler or category, under the SLA
 * targets the organizer has set for that chain. The event names both chains.
 */
export async function moveToChain(db: Db, opts: StepOptions<MoveToChainInput>) {
	const input = parseOrThrow(moveToChainSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('reason', 'handling_error_case_not_open');
		if (input.toChain !== otherChain(ticket.chain)) throw conflict('reason', 'handling_error_same_chain');
		const slaTargets = await loadSlaTargets(tx, ticket.organizerId, input.toChain, ticket.urgency);
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'move_chain',
			public: true,
			body: input.reason,
			lineTo: 1,
			data: {
				fromChain: ticket.chain,
				toChain: input.toChain,
				fromLine: ticket.line,
				fromTeamId: ticket.teamId,
				fromTeamName: await teamName(tx, ticket.teamId),
				reason: input.reason
			},
			patch: { chain: input.toChain, teamId: null, assigneeId: null, categoryId: null, slaTargets }
		});
		await recordAudit(tx, {
			action: 'ticket.move_chain',
			...caseAudit(actor, after, {
				chain: [ticket.chain, after.chain],
				line: [ticket.line, 1],
				teamId: [ticket.teamId, null],
				assigneeId: [ticket.assigneeId, null],
				categoryId: [ticket.categoryId, null],
				reason: input.reason
			})
		});
		return after;
	});
}
