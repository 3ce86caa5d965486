import { z } from 'zod';
import type { Db } from '../../db';
import { recordAudit } from '../../audit/record-audit';
import { AppError, zodIssues } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { appendTicketEvent } from './append-event';
import { getTicket } from './get-ticket';

/** A rating of 1–5 with an optional comment. Messages are message keys. */
export const rateTicketSchema = z.object({
	rating: z.coerce
		.number({ message: 'tickets_error_rating' })
		.int('tickets_error_rating')
		.min(1, 'tickets_error_rating')
		.max(5, 'tickets_error_rating'),
	comment: z.string().trim().max(2000, 'support_error_too_long').optional().default('')
});

/**
 * The requester rates a solved (or closed) case, once. Someone who cannot see the case gets
 * NOT_FOUND; the handler who solved it, or anyone but the requester, FORBIDDEN.
 */
export async function rateTicket(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; number: number; input: { rating?: unknown; comment?: unknown } }
) {
	const parsed = rateTicketSchema.safeParse({
		rating: opts.input.rating === '' ? undefined : opts.input.rating,
		comment: opts.input.comment ?? ''
	});
	if (!parsed.success) throw new AppError('INVALID', 'Ogiltigt betyg', zodIssues(parsed.error.issues));
	const { rating, comment } = parsed.data;
	return db.transaction(async (tx) => {
		const { ticket, resource } = await getTicket(tx, {
			actor: opts.actor,
			organizerId: opts.organizerId,
			number: opts.number,
			forUpdate: true
		});
		authorize(opts.actor, 'ticket.rate', resource);
		const actor = opts.actor;
		if (ticket.rating != null)
			throw new AppError('CONFLICT', 'Redan betygsatt', [{ field: 'rating', message: 'tickets_error_already_rated' }]);
		const { ticket: updated } = await appendTicketEvent(tx, ticket, {
			actorId: actor.personId,
			by: 'requester',
			kind: 'rate',
			public: true,
			body: comment,
			data: { rating },
			patch: { rating, ratingComment: comment || null }
		});
		await recordAudit(tx, {
			organizerId: ticket.organizerId,
			actorId: actor.personId,
			action: 'ticket.rate',
			entityType: 'ticket',
			entityId: ticket.id,
			changes: { rating: [null, rating], ratingComment: [null, comment || null] }
		});
		return updated;
	});
}
