import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { people, supportCategories, tickets, units } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { decodeQueueCursor, encodeQueueCursor, type QueueSort } from './queue-cursor';
import { filterConditions, SHOWN_SLA_STATUS, viewCondition } from './queue-conditions';
import type { QueueFilters, QueueView } from './queue-params';
import { visibleTicketsWhere } from './visible-tickets';

export type FindQueueOptions = {
	actor: Actor | null;
	organizerId: string;
	view: QueueView;
	filters?: QueueFilters;
	sort?: QueueSort;
	/** nextCursor of the previous page; nothing (or anything malformed) for the first page. */
	after?: string | null;
	limit?: number;
};

/** The chosen unit and every unit below it (at most 20 levels, like loadAncestorIds). */
async function unitSubtree(db: Db, organizerId: string, unitId: string): Promise<string[]> {
	const res = await db.execute(sql`
		WITH RECURSIVE down(id, depth) AS (
			SELECT id, 0 FROM units WHERE id = ${unitId} AND organizer_id = ${organizerId}
			UNION ALL
			SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 20
		) SELECT id FROM down`);
	return (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/** Keyset condition after the cursor; "deadline" sorts by sla_due_at ascending with cases without a deadline last. */
function afterCursor(sort: QueueSort, after: string | null | undefined): SQL | null {
	const c = decodeQueueCursor(after, sort);
	if (!c) return null;
	if (sort === 'newest') return sql`(tickets.created_at, tickets.id) < (${c.at}::timestamptz, ${c.id}::uuid)`;
	if (c.at === null) return sql`(tickets.sla_due_at IS NULL AND tickets.id > ${c.id}::uuid)`;
	return sql`((tickets.sla_due_at, tickets.id) > (${c.at}::timestamptz, ${c.id}::uuid) OR tickets.sla_due_at IS NULL)`;
}

/**
 * One page of the support queue: the cases of a tab that the actor may see, filtered and
 * searched, paged by keyset (fetches limit + 1 rows to know whether there is a next page;
 * never counts the table). Pass nextCursor as `after` for the next page.
 */
export async function findQueue(db: Db, opts: FindQueueOptions) {
	const { actor, organizerId, view, filters = {}, sort = 'newest' } = opts;
	authorize(actor, 'support.queue', { type: 'support', organizerId, unitId: null, ancestorIds: [] });
	const size = Math.min(Math.max(Math.trunc(opts.limit ?? 25) || 25, 1), 100);
	const unitIds = filters.unitId ? await unitSubtree(db, organizerId, filters.unitId) : null;
	const where = [
		visibleTicketsWhere(actor, organizerId),
		viewCondition(view, actor, organizerId),
		...filterConditions(filters, unitIds),
		afterCursor(sort, opts.after)
	].filter((c): c is SQL => c !== null);
	// NULLS LAST on both sorts: it is the order the indexes are built in (drizzle's .desc() is DESC NULLS LAST).
	const inner = db
		.select({
			id: tickets.id,
			number: tickets.number,
			title: tickets.title,
			chain: tickets.chain,
			state: tickets.state,
			line: tickets.line,
			urgency: tickets.urgency,
			slaStatus: SHOWN_SLA_STATUS.as('sla_shown'),
			slaDueAt: tickets.slaDueAt,
			createdAt: tickets.createdAt,
			createdKey: sql<string>`to_char(tickets.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('created_key'),
			dueKey: sql<string | null>`to_char(tickets.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('due_key'),
			unitId: tickets.unitId,
			categoryId: tickets.categoryId,
			assigneeId: tickets.assigneeId
		})
		.from(tickets)
		.where(and(...where))
		.orderBy(...(sort === 'newest' ? [sql`tickets.created_at DESC NULLS LAST`, sql`tickets.id DESC NULLS LAST`] : [sql`tickets.sla_due_at ASC NULLS LAST`, sql`tickets.id ASC`]))
		.limit(size + 1)
		.as('page');
	// Names are joined to the page only, after the cases are picked by index.
	const rows = await db
		.select({
			id: inner.id,
			number: inner.number,
			title: inner.title,
			chain: inner.chain,
			state: inner.state,
			line: inner.line,
			urgency: inner.urgency,
			slaStatus: inner.slaStatus,
			slaDueAt: inner.slaDueAt,
			createdAt: inner.createdAt,
			createdKey: inner.createdKey,
			dueKey: inner.dueKey,
			unitName: units.name,
			categoryName: supportCategories.name,
			assigneeId: inner.assigneeId,
			assigneeName: people.name
		})
		.from(inner)
		.innerJoin(units, eq(units.id, inner.unitId))
		.leftJoin(supportCategories, eq(supportCategories.id, inner.categoryId))
		.leftJoin(people, eq(people.id, inner.assigneeId))
		.orderBy(...(sort === 'newest' ? [desc(inner.createdAt), desc(inner.id)] : [sql`${inner.slaDueAt} ASC NULLS LAST`, asc(inner.id)]));
	const page = rows.slice(0, size);
	const last = page.at(-1);
	const nextCursor =
		rows.length > size && last
			? encodeQueueCursor({ sort, at: sort === 'newest' ? last.createdKey : last.dueKey, id: last.id })
			: null;
	return { tickets: page, nextCursor, isFirstPage: decodeQueueCursor(opts.after, sort) === null };
}

export type QueueRow = Awaited<ReturnType<typeof findQueue>>['tickets'][number];
