import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { rowsOf } from '../../db/rows';
import type { Actor } from '../../policies';
import { resolveNeedsScope } from './needs-scope';

/**
 * Sign-ups and completions of the scope's staff over the organizer's current courses — the needs picture's "offered
 * and taken" summed, for the follow-up's one picture (1.3), in one counting statement instead of the whole needs
 * picture (reflections, weak sub-goals and a year's handhavandefel cases, none of which the figure uses). Same scope
 * and refusals as getNeedsPicture; the staff of a unit are those with a role at it or a unit under it.
 */
export async function countCourseUptake(
	db: Db,
	o: { actor: Actor | null; organizerId: string; unitId: string | null }
): Promise<{ signedUp: number; completed: number }> {
	const { unitIds } = await resolveNeedsScope(db, o);
	const staff = unitIds
		? sql`AND e.person_id IN (SELECT r.person_id FROM role_assignments r WHERE r.organizer_id = ${o.organizerId} AND r.unit_id IN (${sql.join(
				unitIds.map((id) => sql`${id}::uuid`),
				sql`, `
			)}))`
		: sql``;
	const res = await db.execute(sql`
		SELECT count(*)::int AS signed_up, count(e.completed_at)::int AS completed
		FROM competence_enrolments e JOIN competence_courses c ON c.id = e.course_id
		WHERE c.organizer_id = ${o.organizerId} AND c.archived_at IS NULL AND e.cancelled_at IS NULL ${staff}`);
	const [row] = rowsOf<{ signed_up: number; completed: number }>(res);
	return { signedUp: Number(row?.signed_up ?? 0), completed: Number(row?.completed ?? 0) };
}
