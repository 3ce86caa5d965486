import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import type { Role } from '../../policies/roles';
import { servesOrganizer } from '../../policies/support';
import type { QueueView } from './queue-params';

type Option = { id: string; name: string };
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * The choices of the queue's filter form: the organizer's units and categories, in Swedish order.
 * One round trip (two aggregated subqueries): the queue page asks on every request.
 */
export async function listQueueOptions(db: Db, opts: { actor: Actor | null; organizerId: string }) {
	authorize(opts.actor, 'support.queue', { type: 'support', organizerId: opts.organizerId, unitId: null, ancestorIds: [] });
	const res = await db.execute(sql`
		SELECT
			coalesce((
				SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name_sort, u.id)
				FROM units u WHERE u.organizer_id = ${opts.organizerId} AND u.archived_at IS NULL
			), '[]'::json) AS units,
			coalesce((
				SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'chain', c.chain) ORDER BY c.chain, c.name_sort)
				FROM support_categories c WHERE c.organizer_id = ${opts.organizerId} AND c.archived_at IS NULL
			), '[]'::json) AS categories`);
	const [row] = (res as unknown as { rows: { units: Option[] | string; categories: (Option & { chain: string })[] | string }[] }).rows;
	return { units: json(row.units), categories: json(row.categories) };
}

const HANDLER_ROLES: readonly Role[] = ['technical_key_person', 'pedagogical_key_person', 'central_technical_support', 'central_pedagogical_support'];

/** The tab a queue opens on: "unassigned at my line" for those who handle a line, else everything they may see. */
export function defaultQueueView(actor: Actor, organizerId: string): QueueView {
	const handles = actor.assignments.some((a) => a.organizerId === organizerId && HANDLER_ROLES.includes(a.role)) || servesOrganizer(actor, organizerId);
	return handles ? 'unassigned' : 'all';
}
