import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { findSessions } from '../../knowledge/guidance/find-sessions';
import { seesGuidance } from '../../knowledge/guidance/queries';
import { presentCourseCard } from './present-course';

const signedUp = sql<number>`(select count(*)::int from ${competenceEnrolments} e where e.course_id = ${competenceCourses.id} and e.cancelled_at is null)`;

/**
 * The organizer's catalog (competence.catalog): its courses (live sessions that have ended are left out; the newest
 * first otherwise, sessions by date), each with seats taken and whether the actor has signed up; beside them the
 * upcoming guidance sessions and drop-ins of the self-help work, read-only, for those who see guidance. Those who
 * manage the catalog also get the archived courses, to open and bring back (decision 066).
 */
export async function findCatalog(db: Db, o: { actor: Actor | null; organizerId: string; now?: Date }) {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const now = o.now ?? new Date();
	const mine = sql<boolean>`exists (select 1 from ${competenceEnrolments} e where e.course_id = ${competenceCourses.id} and e.person_id = ${actor.personId} and e.cancelled_at is null)`;
	const rows = await db
		.select({ course: competenceCourses, signedUp, mine })
		.from(competenceCourses)
		.where(
			and(
				eq(competenceCourses.organizerId, o.organizerId),
				isNull(competenceCourses.archivedAt),
				sql`(${competenceCourses.endsAt} is null or ${competenceCourses.endsAt} > ${now})`
			)
		)
		.orderBy(asc(competenceCourses.startsAt), desc(competenceCourses.createdAt))
		.limit(300);
	const canManage = can(actor, 'competence.catalog.manage', { type: 'organizer', organizerId: o.organizerId });
	const archived = canManage
		? await db
				.select({
					id: competenceCourses.id,
					title: competenceCourses.title,
					kind: competenceCourses.kind,
					archivedAt: competenceCourses.archivedAt
				})
				.from(competenceCourses)
				.where(and(eq(competenceCourses.organizerId, o.organizerId), isNotNull(competenceCourses.archivedAt)))
				.orderBy(desc(competenceCourses.archivedAt))
				.limit(300)
		: [];
	const guidance = seesGuidance(actor, o.organizerId) ? await findSessions(db, { actor, organizerId: o.organizerId, now }) : [];
	return {
		courses: rows.map((r) => presentCourseCard(r.course, Number(r.signedUp), !!r.mine)),
		guidance: guidance.map((g) => ({ id: g.id, kind: g.kind, title: g.title, startsAt: g.startsAt, where: g.where, free: g.free })),
		archived,
		canManage
	};
}
