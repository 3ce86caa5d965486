import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { people } from '../db/schema';
import type { Actor } from '../policies';
import { isRole } from '../policies/roles';
import { jsonColumn } from '../db/json-column';

const stockholmDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

/** Today's date in Stockholm, as YYYY-MM-DD. */
export const todayInStockholm = (now = new Date()) => stockholmDay.format(now);

type AssignmentRow = { organizerId: string | null; unitId: string | null; role: string };

/**
 * The roles in force on `today`, the unarchived support teams of the person in `people.id` (the query must
 * select from `people` under that name) and the organizers those teams serve (owner included),
 * as three JSON columns, so the actor comes with the query that finds the person (one round trip).
 */
export function actorColumns(today: string | Placeholder) {
	return {
		assignments: sql<AssignmentRow[] | string>`coalesce((
			SELECT json_agg(json_build_object('organizerId', ra.organizer_id, 'unitId', ra.unit_id, 'role', ra.role))
			FROM role_assignments ra
			WHERE ra.person_id = people.id
				AND (ra.starts_on IS NULL OR ra.starts_on <= ${today}::date)
				AND (ra.ends_on IS NULL OR ra.ends_on >= ${today}::date)
		), '[]'::json)`,
		teamIds: sql<string[] | string>`coalesce((
			SELECT json_agg(m.team_id)
			FROM support_team_members m JOIN support_teams st ON st.id = m.team_id
			WHERE m.person_id = people.id AND st.archived_at IS NULL
		), '[]'::json)`,
		servedOrganizerIds: sql<string[] | string>`coalesce((
			SELECT json_agg(served.organizer_id) FROM (
				SELECT st.organizer_id
				FROM support_team_members m JOIN support_teams st ON st.id = m.team_id
				WHERE m.person_id = people.id AND st.archived_at IS NULL
				UNION
				SELECT sto.organizer_id
				FROM support_team_members m
					JOIN support_teams st ON st.id = m.team_id
					JOIN support_team_organizers sto ON sto.team_id = st.id
				WHERE m.person_id = people.id AND st.archived_at IS NULL
			) served
		), '[]'::json)`
	} satisfies Record<string, SQL>;
}

/** Builds the actor from a row selected with `actorColumns`. */
export function actorFromRow(row: {
	id: string;
	name: string;
	assignments: AssignmentRow[] | string;
	teamIds: string[] | string;
	servedOrganizerIds: string[] | string;
}): Actor {
	return {
		personId: row.id,
		name: row.name,
		assignments: jsonColumn(row.assignments).flatMap((r) =>
			isRole(r.role) ? [{ organizerId: r.organizerId, unitId: r.unitId, role: r.role }] : []
		),
		teamIds: jsonColumn(row.teamIds),
		servedOrganizerIds: jsonColumn(row.servedOrganizerIds)
	};
}

/** The actor for a person: their name and the roles that are in force today. */
export async function loadActor(db: Db, personId: string): Promise<Actor | null> {
	const [person] = await db
		.select({ id: people.id, name: people.name, status: people.status, ...actorColumns(todayInStockholm()) })
		.from(people)
		.where(eq(people.id, personId));
	if (!person || person.status !== 'active') return null;
	return actorFromRow(person);
}
