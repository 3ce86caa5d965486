import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import type { Actor } from '../../policies';

/** Where a page of "my cases" continues: the last case shown (created at, id). */
export type MyTicketsCursor = { createdAt: string; id: string };

export const encodeCursor = (c: MyTicketsCursor) => `${c.createdAt}_${c.id}`;

/** Reads `?efter=`; anything malformed is the first page. */
export function decodeCursor(raw: string | null): MyTicketsCursor | null {
	const m = raw?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/i);
	if (!m || Number.isNaN(Date.parse(m[1]))) return null;
	return { createdAt: m[1], id: m[2] };
}

/**
 * The actor's own cases at an organizer (filed by them or for them), newest first, a page at a
 * time by keyset (no OFFSET, no count). `next` is the cursor of the following page, or null.
 */
export async function findMyTickets(db: Db, opts: { actor: Actor; organizerId: string; after?: MyTicketsCursor | null; limit?: number }) {
	const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
	const me = opts.actor.personId;
	const where: (SQL | undefined)[] = [
		eq(tickets.organizerId, opts.organizerId),
		or(eq(tickets.requesterId, me), eq(tickets.filedById, me))
	];
	if (opts.after) {
		const at = new Date(opts.after.createdAt);
		where.push(or(lt(tickets.createdAt, at), and(eq(tickets.createdAt, at), lt(tickets.id, opts.after.id))));
	}
	const rows = await db
		.select({
			id: tickets.id,
			number: tickets.number,
			title: tickets.title,
			chain: tickets.chain,
			state: tickets.state,
			createdAt: tickets.createdAt,
			updatedAt: tickets.updatedAt,
			requesterId: tickets.requesterId
		})
		.from(tickets)
		.where(and(...where))
		.orderBy(desc(tickets.createdAt), desc(tickets.id))
		.limit(limit + 1);
	const page = rows.slice(0, limit);
	const last = page.at(-1);
	return {
		tickets: page.map((r) => ({ ...r, forSomeoneElse: r.requesterId !== me })),
		next: rows.length > limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null
	};
}
