import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { authorize, type Actor } from '../../policies';
import type { Role } from '../../policies/roles';
import { servesOrganizer } from '../../policies/support';
import type { QueueView } from './queue-params';

type Option = { id: string; name: string };
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The options as two JSON columns, `units` and `categories`; findQueue adds them to its own statement. */
export const queueOptionsColumns = (organizerId: string) => sql`
	coalesce((
		SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name_sort, u.id)
		FROM units u WHERE u.organizer_id = ${organizerId} AND u.archived_at IS NULL
	), '[]'::json) AS units,
	coalesce((
		SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'chain', c.chain) ORDER BY c.chain, c.name_sort)
		FROM support_categories c WHERE c.organizer_id = ${organizerId} AND c.archived_at IS NULL
	), '[]'::json) AS categories`;

export type QueueOptions = { units: Option[]; categories: (Option & { chain: string })[] };

/** Reads the two option columns of a row. */
export const readQueueOptions = (row: { units: unknown; categories: unknown }): QueueOptions => ({
	units: json(row.units as Option[]),
	categories: json(row.categories as QueueOptions['categories'])
});

/**
 * The choices of the queue's filter form: the organizer's units and categories, in Swedish order.
 * One round trip (two aggregated subqueries). The queue page gets them with its cases instead (findQueue).
 */
export async function listQueueOptions(db: Db, opts: { actor: Actor | null; organizerId: string }): Promise<QueueOptions> {
	authorize(opts.actor, 'support.queue', { type: 'support', organizerId: opts.organizerId, unitId: null, ancestorIds: [] });
	const res = await db.execute(sql`SELECT ${queueOptionsColumns(opts.organizerId)}`);
	return readQueueOptions((res as unknown as { rows: { units: unknown; categories: unknown }[] }).rows[0]);
}

const HANDLER_ROLES: readonly Role[] = ['technical_key_person', 'pedagogical_key_person', 'central_technical_support', 'central_pedagogical_support'];

/** The tab a queue opens on: "unassigned at my line" for those who handle a line, else everything they may see. */
export function defaultQueueView(actor: Actor, organizerId: string): QueueView {
	const handles = actor.assignments.some((a) => a.organizerId === organizerId && HANDLER_ROLES.includes(a.role)) || servesOrganizer(actor, organizerId);
	return handles ? 'unassigned' : 'all';
}
