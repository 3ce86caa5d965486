import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { jsonColumn } from '../../db/json-column';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../policies';
import { CENTRAL_OF, KEY_PERSON_OF } from '../../policies/support';
import { CHAINS } from '../constants';
import { shownNames, type NamedPerson } from '../privacy/shown-names';
import { queueOptionsColumns, readQueueOptions } from './queue-options';

export type BulkOptionLists = {
	people: { id: string; name: string }[];
	teams: { id: string; name: string; chain: string; line: number; supplierName: string | null }[];
	categories: { id: string; name: string; chain: string }[];
};

const HANDLER_ROLES = CHAINS.flatMap((c) => [KEY_PERSON_OF[c], CENTRAL_OF[c]]);

/**
 * The bulk steps' teams and handlers as two JSON columns, `bulk_teams` and `bulk_people`, for a statement that runs
 * anyway: findQueue adds them to its own (`withBulkOptions`), so the queue page pays no round trips of its own for
 * them (each statement is a socket write and a wake-up, decision 037). The active teams at lines 2 and 3 serving the
 * organizer; the people who handle support there (its key people, central support and those teams' members; each
 * case still checks that the person may work it), at most 500, in name order.
 */
export const bulkOptionsColumns = (organizerId: string) => sql`
	coalesce((
		SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'chain', t.chain, 'line', t.line, 'supplierName', t.supplier_name)
			ORDER BY t.line, t.name_sort)
		FROM support_teams t JOIN support_team_organizers o ON o.team_id = t.id
		WHERE o.organizer_id = ${organizerId} AND t.archived_at IS NULL
	), '[]'::json) AS bulk_teams,
	coalesce((
		SELECT json_agg(json_build_object('id', h.id, 'name', h.name, 'protectedIdentity', h.protected_identity) ORDER BY h.name_sort, h.id)
		FROM (
			SELECT pe.id, pe.name, pe.name_sort, pe.protected_identity FROM people pe
			WHERE pe.id IN (
				SELECT r.person_id FROM role_assignments r
				WHERE r.organizer_id = ${organizerId} AND r.role IN (${sql.join(
					HANDLER_ROLES.map((role) => sql`${role}`),
					sql`, `
				)})
				UNION
				SELECT m.person_id FROM support_team_members m
				JOIN support_team_organizers o ON o.team_id = m.team_id
				JOIN support_teams t ON t.id = m.team_id
				WHERE o.organizer_id = ${organizerId} AND t.archived_at IS NULL
			)
			ORDER BY pe.name_sort, pe.id
			LIMIT 500
		) h
	), '[]'::json) AS bulk_people`;

/**
 * The bulk choices from a row with `bulkOptionsColumns`, names as the actor may see them (a lookup only when a
 * handler has protected identity), and the categories (the filter form's: the same list).
 */
export async function readBulkOptions(
	db: Db,
	opts: { actor: Actor; organizerId: string; row: { bulk_teams: unknown; bulk_people: unknown }; categories: BulkOptionLists['categories'] }
): Promise<BulkOptionLists> {
	const handlers = jsonColumn(opts.row.bulk_people as NamedPerson[]);
	const shown = await shownNames(db, { actor: opts.actor, organizerId: opts.organizerId, people: handlers, via: 'queue.bulk_people' });
	// A pseudonym goes last: its place among real names in name order would hint at the real name.
	const hidden = (p: NamedPerson) => (shown.get(p.id) ?? p.name) !== p.name;
	return {
		people: [...handlers.filter((p) => !hidden(p)), ...handlers.filter(hidden)].map((p) => ({ id: p.id, name: shown.get(p.id) ?? p.name })),
		teams: jsonColumn(opts.row.bulk_teams as BulkOptionLists['teams']),
		categories: opts.categories
	};
}

/** The choices of the queue's bulk steps on their own (one statement); the queue page gets them with its cases. */
export async function findBulkOptions(db: Db, opts: { actor: Actor; organizerId: string }): Promise<BulkOptionLists> {
	const [row] = rowsOf<{ bulk_teams: unknown; bulk_people: unknown; units: unknown; categories: unknown }>(
		await db.execute(sql`SELECT ${bulkOptionsColumns(opts.organizerId)}, ${queueOptionsColumns(opts.organizerId)}`)
	);
	return readBulkOptions(db, { ...opts, row, categories: readQueueOptions(row).categories });
}
