import { desc, and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { ticketEvents } from '../../db/schema';
import { appendTicketEvent } from '../tickets/append-event';
import { getTeamForLine, lastLineTwoTeam, teamName, type TeamOption } from './find-teams';
import { isOpen, previousLine } from './rules';
import { caseAudit, lockCase, seenLine, type StepOptions } from './step';
import { conflict, parseOrThrow } from '../../errors';

export const sendBackSchema = z.object({
	fromLine: seenLine,
	reason: z
		.string({ message: 'handling_error_reason_required' })
		.trim()
		.min(1, 'handling_error_reason_required')
		.max(4000, 'support_error_too_long')
});
export type SendBackInput = z.input<typeof sendBackSchema>;

/** The line-2 team that escalated the case to line 3: named on the escalation, else the last line-2 team that held it. */
async function escalatingTeam(tx: Db, ticket: { id: string; organizerId: string; chain: string }): Promise<TeamOption | null> {
	const [last] = await tx
		.select({ data: ticketEvents.data })
		.from(ticketEvents)
		.where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'escalate'), eq(ticketEvents.lineTo, 3)))
		.orderBy(desc(ticketEvents.id))
		.limit(1);
	const fromTeamId = typeof last?.data.fromTeamId === 'string' ? last.data.fromTeamId : null;
	const named = fromTeamId
		? await getTeamForLine(tx, { organizerId: ticket.organizerId, chain: ticket.chain, line: 2, teamId: fromTeamId })
		: null;
	return named ?? (await lastLineTwoTeam(tx, ticket.id));
}

/**
 * Sends an open case one line down with a reason: from line 3 to the line-2 team that escalated
 * it, from line 2 to the unit's key people. Nobody is assigned afterwards; the teams keep watching.
 */
export async function sendBack(db: Db, opts: StepOptions<SendBackInput>) {
	const input = parseOrThrow(sendBackSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.work');
		if (!isOpen(ticket.state)) throw conflict('reason', 'handling_error_case_not_open');
		if (input.fromLine !== ticket.line) throw conflict('reason', 'handling_error_line_changed');
		const lineTo = previousLine(ticket.line);
		if (!lineTo) throw conflict('reason', 'handling_error_no_previous_line');
		const team = lineTo === 2 ? await escalatingTeam(tx, ticket) : null;
		const { ticket: after } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'send_back',
			public: true,
			body: input.reason,
			lineTo,
			data: {
				fromLine: ticket.line,
				toLine: lineTo,
				teamId: team?.id ?? null,
				teamName: team?.name ?? null,
				fromTeamId: ticket.teamId,
				fromTeamName: await teamName(tx, ticket.teamId),
				reason: input.reason
			},
			patch: { teamId: team?.id ?? null, assigneeId: null }
		});
		await recordAudit(tx, {
			action: 'ticket.send_back',
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
