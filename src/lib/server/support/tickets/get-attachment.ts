import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { ticketAttachments, ticketEvents } from '../../db/schema';
import { AppError } from '../../errors';
import { can, type Actor } from '../../policies';
import { getTicket } from './get-ticket';
import { isUuid } from '../../ids';

/**
 * One attachment of a case the actor can see, with its bytes. NOT_FOUND for a malformed id, an id
 * of another case, or a file on an internal note the actor may not read.
 */
export async function getAttachment(db: Db, opts: { actor: Actor | null; organizerId: string; number: number; attachmentId: string }) {
	if (!isUuid(opts.attachmentId)) throw new AppError('NOT_FOUND', 'Bilagan finns inte');
	const { ticket, resource } = await getTicket(db, opts);
	const [row] = await db
		.select({ attachment: ticketAttachments, eventPublic: ticketEvents.public })
		.from(ticketAttachments)
		.leftJoin(ticketEvents, eq(ticketEvents.id, ticketAttachments.eventId))
		.where(
			and(
				eq(ticketAttachments.id, opts.attachmentId),
				eq(ticketAttachments.ticketId, ticket.id),
				eq(ticketAttachments.organizerId, ticket.organizerId)
			)
		);
	if (!row || (row.eventPublic === false && !can(opts.actor, 'ticket.internal', resource)))
		throw new AppError('NOT_FOUND', 'Bilagan finns inte');
	return row.attachment;
}
