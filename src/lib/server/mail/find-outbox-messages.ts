import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { outbox } from '../db/schema';
import { authorize, type Actor } from '../policies';

export const OUTBOX_PAGE_SIZE = 50;

/** The columns a list needs; the body stays in the database until one message is opened. */
export const outboxListColumns = {
	id: outbox.id,
	toAddress: outbox.toAddress,
	subject: outbox.subject,
	createdAt: outbox.createdAt,
	sentAt: outbox.sentAt,
	error: outbox.error,
	attempts: outbox.attempts,
	nextAttemptAt: outbox.nextAttemptAt,
	sensitive: outbox.sensitive
};

/** Tenancy fragment: only this organizer's mail. */
export const outboxOfOrganizer = (organizerId: string): SQL => eq(outbox.organizerId, organizerId);

/**
 * One page of an organizer's outbox, newest first, for someone allowed outbox.view.
 * Keyset paging on the id: pass the last id of a page as `before` to get the next (older) one.
 */
export async function findOutboxMessages(
	db: Db,
	opts: { actor: Actor | null; organizerId: string; before?: number | null; limit?: number }
) {
	authorize(opts.actor, 'outbox.view', { type: 'organizer', organizerId: opts.organizerId });
	const limit = opts.limit ?? OUTBOX_PAGE_SIZE;
	const rows = await db
		.select(outboxListColumns)
		.from(outbox)
		.where(and(outboxOfOrganizer(opts.organizerId), opts.before ? lt(outbox.id, opts.before) : undefined))
		.orderBy(desc(outbox.id))
		.limit(limit + 1);
	const more = rows.length > limit;
	const page = rows.slice(0, limit);
	return { rows: page, nextBefore: more ? page[page.length - 1].id : null };
}
