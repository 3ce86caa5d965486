import { z } from 'zod';
import type { Db } from '../../db';
import { authorize, type Actor, type SupportAction, type TicketResource } from '../../policies';
import { getTicket } from '../tickets/get-ticket';
import type { TicketRow } from '../tickets/ticket-resource';

const lineMoved = 'handling_error_line_changed';
/** The line the handler saw when they filled in the form; a case that has moved since is left alone. */
export const seenLine = z.coerce.number({ message: lineMoved }).int(lineMoved).min(1, lineMoved).max(3, lineMoved);

/**
 * "Tidsåtgång (minuter)" on a reply, note or solution (decision 043): optional whole minutes, 1–600; empty is none
 * (the capacity count then uses its estimate for the case).
 */
export const minutesSpent = z
	.union([z.string(), z.number()])
	.optional()
	.transform((v) => (v === undefined || String(v).trim() === '' ? null : String(v).trim()))
	.refine((v) => v === null || (/^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 600), 'capacity_error_minutes')
	.transform((v) => (v === null ? null : Number(v)));

/** An HTML checkbox: present ('on') is true, absent is false. */
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'yes' || v === 'true', z.boolean());

/** What every handling step is called with: who, which organizer, which case, and the form. */
export type StepOptions<I> = { actor: Actor | null; organizerId: string; number: number; input: I };

/**
 * Locks the case for the rest of the transaction and checks the actor may take `action` on it.
 * A case the actor cannot see is NOT_FOUND; one they see but may not handle is FORBIDDEN.
 */
export async function lockCase(
	tx: Db,
	opts: { actor: Actor | null; organizerId: string; number: number },
	action: SupportAction
): Promise<{ ticket: TicketRow; resource: TicketResource; actor: Actor }> {
	const { ticket, resource } = await getTicket(tx, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		number: opts.number,
		forUpdate: true
	});
	authorize(opts.actor, action, resource);
	return { ticket, resource, actor: opts.actor };
}

/**
 * Everything of a step's audit entry but the action, which each step writes out as a literal
 * in its own audit call (`action: 'ticket.reply', ...caseAudit(…)`) so the audit-label guard sees it.
 */
export function caseAudit(actor: Actor, ticket: TicketRow, changes: Record<string, unknown>) {
	return {
		organizerId: ticket.organizerId,
		actorId: actor.personId,
		entityType: 'ticket',
		entityId: ticket.id,
		changes: { number: ticket.number, ...changes }
	};
}
