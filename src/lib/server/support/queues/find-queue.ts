import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import { decodeQueueCursor, encodeQueueCursor, type QueueOrder, type QueueSort } from './queue-cursor';
import { prepareQueueSearch } from './queue-search';
import { DEADLINE_KEY, filterConditions, SHOWN_SLA_STATUS, viewCondition } from './queue-conditions';
import type { QueueFilters, QueueView } from './queue-params';
import { visibleTicketsWhere } from '../../policies/support-visibility';
import { queueOptionsColumns, readQueueOptions } from './queue-options';
import { bulkOptionsColumns, findBulkOptions, readBulkOptions } from './bulk-options';
import { jsonColumn } from '../../db/json-column';
import { shownNamesById } from '../privacy/shown-names';
import { rowsOf } from '../../db/rows';

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
	return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/**
 * Keyset condition after the cursor. "deadline" sorts by DEADLINE_KEY ascending: overdue cases first (the longest
 * overdue first, by when their clock ran out), then the soonest due, then cases without a deadline.
 */
function afterCursor(sort: QueueOrder, after: string | null | undefined, rank: SQL | null): SQL | null {
	const c = decodeQueueCursor(after, sort);
	if (!c) return null;
	if (sort === 'relevance' && rank) return sql`(${rank} < ${c.at}::float8 OR (${rank} = ${c.at}::float8 AND tickets.id > ${c.id}::uuid))`;
	if (sort === 'newest') return sql`(tickets.created_at, tickets.id) < (${c.at}::timestamptz, ${c.id}::uuid)`;
	if (c.at === null) return sql`(${DEADLINE_KEY} IS NULL AND tickets.id > ${c.id}::uuid)`;
	return sql`((${DEADLINE_KEY}, tickets.id) > (${c.at}::timestamptz, ${c.id}::uuid) OR ${DEADLINE_KEY} IS NULL)`;
}

type JsonRow = {
	id: string;
	number: number;
	title: string;
	chain: string;
	state: string;
	line: number;
	urgency: string;
	slaStatus: string;
	createdKey: string;
	/** The search rank, when ordered by relevance. */
	rankKey: number | null;
	/** The "deadline" sort key: overdue since, else the next deadline. */
	dueKey: string | null;
	slaDueKey: string | null;
	unitName: string;
	categoryName: string | null;
	assigneeId: string | null;
	/** '' for an assignee with protected identity: the real name never leaves the database here. */
	assigneeName: string | null;
};

/**
 * One page of the support queue: the cases of a tab that the actor may see, filtered and
 * searched (with a search typed and the default sort, the best matches first), paged by keyset (fetches limit + 1 rows to know whether there is a next page;
 * never counts the table). Pass nextCursor as `after` for the next page. With
 * `withFilterOptions` the filter form's choices come in the same statement (the queue page
 * then needs one round trip for both), and with `withBulkOptions` as well the bulk steps' choices (when the page
 * has cases; null otherwise).
 */
export async function findQueue(db: Db, opts: FindQueueOptions & { withFilterOptions?: boolean; withBulkOptions?: boolean }) {
	const { actor, organizerId, view, filters = {}, sort = 'newest' } = opts;
	authorize(actor, 'support.queue', { type: 'support', organizerId, unitId: null, ancestorIds: [] });
	const size = Math.min(Math.max(Math.trunc(opts.limit ?? 25) || 25, 1), 100);
	const unitIds = filters.unitId ? await unitSubtree(db, organizerId, filters.unitId) : null;
	const search = filters.q ? await prepareQueueSearch(db, organizerId, filters.q) : null;
	// A search typed with the default order lists the best matches first (decision 039); "deadline" stays as chosen.
	const rank = sort === 'newest' && search?.rank ? search.rank : null;
	const order: QueueOrder = rank ? 'relevance' : sort;
	const where = [
		visibleTicketsWhere(actor, organizerId),
		viewCondition(view, actor, organizerId),
		...filterConditions(filters, unitIds, search?.where ?? null),
		afterCursor(order, opts.after, rank)
	].filter((c): c is SQL => c !== null);
	const newest = sort === 'newest';
	const withBulk = !!(opts.withFilterOptions && opts.withBulkOptions);
	// The bulk choices ride in the statement, except with a search typed: searches often find nothing, and then
	// the choices are not needed; a search that finds cases reads them in a statement of their own.
	const inStatement = withBulk && !search;
	const outerOrder = rank
		? sql.raw('p.rank_key DESC, p.id ASC')
		: sql.raw(newest ? 'p.created_at DESC, p.id DESC' : 'p.deadline_key ASC NULLS LAST, p.id ASC');
	const innerOrder = rank
		? sql`rank_key DESC, tickets.id ASC`
		: newest
			? sql.raw('tickets.created_at DESC NULLS LAST, tickets.id DESC NULLS LAST')
			: sql`${DEADLINE_KEY} ASC NULLS LAST, tickets.id ASC`;
	// NULLS LAST on both sorts: it is the order the indexes are built in. Names are looked up for the page only,
	// after the cases are picked by index, one primary-key lookup each: as joins, PostgreSQL hashed the whole
	// units table for 26 rows and spent more time planning (0.2–0.45 ms less per page, pgbench; decision 013).
	// The page comes back as one JSON array (one row to read, not 26).
	const res = await db.execute(sql`
		SELECT coalesce((
			SELECT json_agg(json_build_object(
				'id', p.id, 'number', p.number, 'title', p.title, 'chain', p.chain, 'state', p.state, 'line', p.line,
				'urgency', p.urgency, 'slaStatus', p.sla_shown, 'createdKey', p.created_key, 'rankKey', p.rank_key, 'dueKey', p.due_key, 'slaDueKey', p.sla_due_key,
				'unitName', (SELECT u.name FROM units u WHERE u.id = p.unit_id),
				'categoryName', (SELECT c.name FROM support_categories c WHERE c.id = p.category_id),
				'assigneeId', p.assignee_id,
				'assigneeName', (SELECT CASE WHEN pe.protected_identity THEN '' ELSE pe.name END FROM people pe WHERE pe.id = p.assignee_id)
			) ORDER BY ${outerOrder})
			FROM (
				SELECT tickets.id, tickets.number, tickets.title, tickets.chain, tickets.state, tickets.line, tickets.urgency,
					${SHOWN_SLA_STATUS} AS sla_shown, ${rank ?? sql`NULL::float8`} AS rank_key, ${DEADLINE_KEY} AS deadline_key, tickets.created_at,
					to_char(tickets.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
					to_char(${DEADLINE_KEY} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS due_key,
					to_char(tickets.sla_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sla_due_key,
					tickets.unit_id, tickets.category_id, tickets.assignee_id
				FROM tickets${search?.join ?? sql``}
				WHERE ${sql.join(where, sql` AND `)}
				ORDER BY ${innerOrder}
				LIMIT ${size + 1}
			) p
		), '[]'::json) AS rows${opts.withFilterOptions ? sql`, ${queueOptionsColumns(organizerId)}` : sql``}${
			inStatement ? sql`, ${bulkOptionsColumns(organizerId)}` : sql``
		}`);
	const [row] = rowsOf<{ rows: JsonRow[] | string; units?: unknown; categories?: unknown; bulk_teams?: unknown; bulk_people?: unknown }>(
		res
	);
	const rows = jsonColumn(row.rows).map((r) => ({
		...r,
		createdAt: new Date(r.createdKey),
		slaDueAt: r.slaDueKey === null ? null : new Date(r.slaDueKey),
		/** Overdue: the deadline that passed (when the first still-running clock ran out); null when none did. */
		overdueSince: r.dueKey !== null && (r.slaDueKey === null || r.dueKey < r.slaDueKey) ? new Date(r.dueKey) : null
	}));
	const page = await withShownAssignees(db, actor, organizerId, rows.slice(0, size));
	const last = page.at(-1);
	const at = rank ? String(last?.rankKey ?? 0) : newest ? last?.createdKey : last?.dueKey;
	const nextCursor = rows.length > size && last ? encodeQueueCursor({ sort: order, at: at ?? null, id: last.id }) : null;
	const options = opts.withFilterOptions ? readQueueOptions(row as { units: unknown; categories: unknown }) : null;
	const bulkOptions =
		!withBulk || !options || !page.length
			? null
			: inStatement
				? await readBulkOptions(db, {
						actor: actor!,
						organizerId,
						row: row as { bulk_teams: unknown; bulk_people: unknown },
						categories: options.categories
					})
				: await findBulkOptions(db, { actor: actor!, organizerId });
	return { tickets: page, nextCursor, isFirstPage: decodeQueueCursor(opts.after, order) === null, options, bulkOptions };
}

/** Assignees with protected identity (marked '' by the query) by the name this actor may see; one lookup, only when the page has one. */
async function withShownAssignees<R extends JsonRow>(db: Db, actor: Actor | null, organizerId: string, rows: R[]): Promise<R[]> {
	const hidden = rows.filter((r) => r.assigneeId && r.assigneeName === '').map((r) => r.assigneeId);
	if (hidden.length === 0) return rows;
	const shown = await shownNamesById(db, { actor, organizerId, personIds: hidden, via: 'support.queue' });
	return rows.map((r) => (r.assigneeId && r.assigneeName === '' ? { ...r, assigneeName: shown.get(r.assigneeId) ?? null } : r));
}

export type QueueRow = Awaited<ReturnType<typeof findQueue>>['tickets'][number];
