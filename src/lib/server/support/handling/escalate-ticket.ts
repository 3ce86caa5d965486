import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { ticketTeams } from '../../db/schema';
import { appendTicketEvent } from '../tickets/append-event';
import { getTeamForLine, teamName } from './find-teams';
import { isOpen, nextLine } from './rules';
import { caseAudit, lockCase, seenLine, type StepOptions } from './step';
import { conflict, invalid, parseOrThrow } from '../../errors';

export const escalateTicketSchema = z.object({
	/** The line the handler saw when they chose; a case that has moved since is not escalated blindly. */
	fromLine: seenLine,
	teamId: z.uuid('handling_error_choose_team'),
	reason: z
		.string({ message: 'handling_error_reason_required' })
		.trim()
		.min(1, 'handling_error_reason_required')
		.max(4000, 'support_error_too_long')
});
export type EscalateTicketInput = z.input<typeof escalateTicketSchema>;

/**
 * Sends an open case to the next line only (1→2 to a central team, 2→3 to a supplier team) of the
 * case's chain, serving its organizer. The new team holds it, nobody is assigned, and every team
 * that has held it keeps watching. Asking from the wrong line, or past line 3, changes nothing.
 */
export async function escalateTicket(db: Db, opts: StepOptions<EscalateTicketInput>) {
	const input = parseOrThrow(escalateTicketSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('teamId', 'handling_error_case_not_open');
		if (input.fromLine !== ticket.line) throw conflict('teamId', 'handling_error_line_changed');
		const lineTo = nextLine(ticket.line);
		if (!lineTo) throw conflict('teamId', 'handling_error_no_next_line');
		const team = await getTeamForLine(tx, {
			organizerId: ticket.organizerId,
			chain: ticket.chain,
			line: lineTo as 2 | 3,
			teamId: input.teamId
		});
		if (!team) throw invalid('teamId', 'handling_error_choose_team');
		await tx.insert(ticketTeams).values({ ticketId: ticket.id, teamId: team.id }).onConflictDoNothing();
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'escalate',
			public: true,
			body: input.reason,
			lineTo,
			data: {
				fromLine: ticket.line,
				toLine: lineTo,
				teamId: team.id,
				teamName: team.name,
				supplierName: team.supplierName,
				fromTeamId: ticket.teamId,
				fromTeamName: await teamName(tx, ticket.teamId),
				reason: input.reason
			},
			patch: { teamId: team.id, assigneeId: null }
		});
		await recordAudit(tx, {
			action: 'ticket.escalate',
			...caseAudit(actor, after, {
				line: [ticket.line, after.line],
				teamId: [ticket.teamId, after.teamId],
				assigneeId: [ticket.assigneeId, null],
				reason: input.reason
			})
		});
		return after;
	});
}
