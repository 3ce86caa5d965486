import { and, desc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { ticketEvents } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { appendTicketEvent } from '../tickets/append-event';
import { caseAudit, lockCase, type StepOptions } from '../handling/step';
import { conflict, parseOrThrow } from '../../errors';

/** One reminder per case in this many hours (decision 027): enough to be heard, not enough to nag. */
export const CHASE_EVERY_HOURS = 4;

export const chaseCurrentLineSchema = z.object({
	body: z.string().trim().max(2000, 'support_error_too_long').default('')
});
export type ChaseCurrentLineInput = z.input<typeof chaseCurrentLineSchema>;

/**
 * "Påminn nuvarande linje": a line that handed the case on asks the line holding it now to move it along. An
 * internal event on the timeline (the current line and every earlier line see it, the requester does not),
 * audited; at most once per case in CHASE_EVERY_HOURS (CONFLICT with when the next one may be sent).
 */
export async function chaseCurrentLine(db: Db, opts: StepOptions<ChaseCurrentLineInput> & { now?: Date }) {
	const input = parseOrThrow(chaseCurrentLineSchema, opts.input);
	return db.transaction(async (tx) => {
		const { ticket, actor } = await lockCase(tx, opts, 'ticket.chase');
		const since = new Date((opts.now ?? new Date()).getTime() - CHASE_EVERY_HOURS * 3_600_000);
		const [recent] = await tx
			.select({ at: ticketEvents.createdAt })
			.from(ticketEvents)
			.where(and(eq(ticketEvents.ticketId, ticket.id), eq(ticketEvents.kind, 'chase'), gt(ticketEvents.createdAt, since)))
			.orderBy(desc(ticketEvents.createdAt))
			.limit(1);
		if (recent) throw conflict('body', 'casepage_error_chased_recently');
		const { ticket: after, event } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'handler',
			kind: 'chase',
			public: false,
			audience: 'all_lines',
			body: input.body,
			data: { line: ticket.line, teamId: ticket.teamId }
		});
		await recordAudit(tx, { action: 'ticket.chase', ...caseAudit(actor, after, { eventId: event.id, line: ticket.line }) });
		return after;
	});
}
