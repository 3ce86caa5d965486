import { sql } from 'drizzle-orm';
import { can, type Actor } from '../../policies';
import type { QueueView } from './queue-params';
import { jsonColumn } from '../../db/json-column';

type Option = { id: string; name: string };

/**
 * The choices of the queue's filter form as two JSON columns, `units` and `categories`: the organizer's
 * unarchived units and categories in Swedish order. findQueue adds them to its own statement
 * (`withFilterOptions`), so the queue page gets cases and choices in one round trip.
 */
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
	units: jsonColumn(row.units as Option[]),
	categories: jsonColumn(row.categories as QueueOptions['categories'])
});

/** The tab a queue opens on: "unassigned at my line" for those who handle a line, else everything they may see. */
export function defaultQueueView(actor: Actor, organizerId: string): QueueView {
	return can(actor, 'support.handle', { type: 'support', organizerId, unitId: null, ancestorIds: [] }) ? 'unassigned' : 'all';
}
