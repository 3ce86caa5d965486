import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { outbox } from '../db/schema';
import { AppError } from '../errors';
import { authorize, type Actor } from '../policies';
import { outboxListColumns, outboxOfOrganizer } from './find-outbox-messages';

/**
 * One outbox message with its body, for someone allowed outbox.view at the organizer. A sensitive message's
 * body (a one-time link) is never read out of the database here: it comes back empty.
 * Another organizer's message is NOT_FOUND, exactly like a message that does not exist.
 */
export async function getOutboxMessageById(db: Db, opts: { actor: Actor | null; organizerId: string; id: number }) {
	authorize(opts.actor, 'outbox.view', { type: 'organizer', organizerId: opts.organizerId });
	if (!Number.isSafeInteger(opts.id) || opts.id < 1) throw new AppError('NOT_FOUND', 'no such message');
	const [row] = await db
		.select({ ...outboxListColumns, body: sql<string>`CASE WHEN ${outbox.sensitive} THEN '' ELSE ${outbox.body} END` })
		.from(outbox)
		.where(and(outboxOfOrganizer(opts.organizerId), eq(outbox.id, opts.id)));
	if (!row) throw new AppError('NOT_FOUND', 'no such message');
	return row;
}
