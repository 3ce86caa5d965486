import type { Db } from '../../db';
import { isAppError } from '../../errors';
import type { Actor } from '../../policies';
import { getTicket } from '../../support/tickets/get-ticket';

/**
 * The case a booking starts from ("Boka handledning i stället"), by number, when the actor may see it; null for no
 * number, a malformed one, or a case the actor does not see (shrugged off, never an error: it is a query string).
 */
export async function findVisibleCase(db: Db, opts: { actor: Actor; organizerId: string; number: unknown }) {
	const text = typeof opts.number === 'string' ? opts.number.trim() : typeof opts.number === 'number' ? String(opts.number) : '';
	if (!/^\d{1,9}$/.test(text)) return null;
	try {
		const { ticket } = await getTicket(db, { actor: opts.actor, organizerId: opts.organizerId, number: Number(text) });
		return { id: ticket.id, number: ticket.number, title: ticket.title };
	} catch (e) {
		if (isAppError(e) && e.code === 'NOT_FOUND') return null;
		throw e;
	}
}
