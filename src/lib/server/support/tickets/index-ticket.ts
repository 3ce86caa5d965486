import type { Db } from '../../db';
import type { SearchableDocument } from '../../search/index-document';
import { indexDocument } from '../../search/index-document';

type TicketText = { id: string; organizerId: string; title: string; description: string };

/** A case as the search indexes it: its title (weighted like a title) and its description. */
export const ticketDocument = (t: TicketText): SearchableDocument => ({
	kind: 'ticket',
	sourceId: t.id,
	organizerId: t.organizerId,
	title: t.title,
	body: t.description
});

/** Indexes a case for the queue search; call it in the transaction that writes its title or description. */
export async function indexTicket(tx: Db, ticket: TicketText): Promise<void> {
	await indexDocument(tx, ticketDocument(ticket));
}
