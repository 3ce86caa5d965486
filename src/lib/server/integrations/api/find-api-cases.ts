import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { tickets } from '../../db/schema';
import type { Actor } from '../../policies';
import { visibleTicketsWhere } from '../../policies/support-visibility';
import type { Chain } from '../../policies/support';
import type { TicketState } from '../../support/constants';

type TicketRow = typeof tickets.$inferSelect;

/** A case as the API shows it: the requester's view of the case, no internal fields (SLA, team, notes). */
export function presentApiCase(t: TicketRow) {
	return {
		number: t.number,
		title: t.title,
		description: t.description,
		chain: t.chain,
		urgency: t.urgency,
		status: t.state,
		line: t.line,
		unitId: t.unitId,
		categoryId: t.categoryId,
		requesterId: t.requesterId,
		createdAt: t.createdAt.toISOString(),
		updatedAt: t.updatedAt.toISOString(),
		solvedAt: t.solvedAt?.toISOString() ?? null
	};
}

/** The cursor is the last case number of a page (newest first), in base64url so callers treat it as opaque. */
const encode = (n: number) => Buffer.from(String(n)).toString('base64url');
const decode = (c: string | undefined) => {
	if (!c) return null;
	const n = Number(Buffer.from(c, 'base64url').toString());
	return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/**
 * One page of the cases the actor may see, newest first, paged by keyset on the case number: the same visibility
 * condition as the support lists (`visibleTicketsWhere`, the SQL twin of `ticket.view`). A malformed cursor starts
 * from the top.
 */
export async function findApiCases(
	db: Db,
	opts: { actor: Actor; organizerId: string; after?: string; limit: number; status?: TicketState; unitId?: string; chain?: Chain }
) {
	const where: SQL[] = [visibleTicketsWhere(opts.actor, opts.organizerId)];
	const after = decode(opts.after);
	if (after) where.push(lt(tickets.number, after));
	if (opts.status) where.push(eq(tickets.state, opts.status));
	if (opts.unitId) where.push(eq(tickets.unitId, opts.unitId));
	if (opts.chain) where.push(eq(tickets.chain, opts.chain));
	const rows = await db
		.select()
		.from(tickets)
		.where(and(...where))
		.orderBy(desc(tickets.number))
		.limit(opts.limit + 1);
	const page = rows.slice(0, opts.limit);
	const last = page.at(-1);
	return { items: page.map(presentApiCase), nextCursor: rows.length > opts.limit && last ? encode(last.number) : null };
}
