import { sql } from 'drizzle-orm';
import { can, type Actor } from '../../policies';
import type { QueueView } from './queue-params';
import { jsonColumn } from '../../db/json-column';

type Option = { id: string; name: string };

/**
 * The choices of the queue's filter form as JSON columns, `units`, `categories` and `models`: the organizer's
 * unarchived units and categories in Swedish order, and its device models (issue 17). findQueue adds them to its own statement
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
	), '[]'::json) AS categories,
	coalesce((
		SELECT json_agg(json_build_object('id', dm.id, 'name', dm.maker || ' ' || dm.model) ORDER BY dm.maker, dm.model)
		FROM device_models dm WHERE dm.organizer_id = ${organizerId}
	), '[]'::json) AS models`;

export type QueueOptions = { units: Option[]; categories: (Option & { chain: string })[]; models: Option[] };

/** Reads the option columns of a row. */
export const readQueueOptions = (row: { units: unknown; categories: unknown; models?: unknown }): QueueOptions => ({
	units: jsonColumn(row.units as Option[]),
	categories: jsonColumn(row.categories as QueueOptions['categories']),
	models: jsonColumn((row.models ?? []) as Option[])
});

/** The tab a queue opens on: "unassigned at my line" for those who handle a line, else everything they may see. */
export function defaultQueueView(actor: Actor, organizerId: string): QueueView {
	return can(actor, 'support.handle', { type: 'support', organizerId, unitId: null, ancestorIds: [] }) ? 'unassigned' : 'all';
}
