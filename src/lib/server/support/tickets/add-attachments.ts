import type { Db } from '../../db';
import { ticketAttachments } from '../../db/schema';
import type { CheckedFile } from './check-attachment';
import type { TicketRow } from './ticket-resource';

/**
 * Stores files that passed `checkAttachments` on a case, tied to the timeline event they came with.
 * Runs inside the caller's transaction, after the caller has authorized the step. Returns the new ids.
 */
export async function addAttachments(
	tx: Db,
	opts: { ticket: TicketRow; eventId: number; actorId: string; files: CheckedFile[] }
): Promise<{ id: string; fileName: string }[]> {
	if (opts.files.length === 0) return [];
	return tx
		.insert(ticketAttachments)
		.values(
			opts.files.map((f) => ({
				organizerId: opts.ticket.organizerId,
				ticketId: opts.ticket.id,
				eventId: opts.eventId,
				fileName: f.fileName,
				contentType: f.contentType,
				sizeBytes: f.sizeBytes,
				data: f.data,
				createdBy: opts.actorId
			}))
		)
		.returning({ id: ticketAttachments.id, fileName: ticketAttachments.fileName });
}
