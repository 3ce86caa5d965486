import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments } from '../../db/schema';
import { authorize, type Actor } from '../../policies';

/**
 * The actor's own sign-ups (competence.catalog), newest first: what, when, progress, completed, feedback given. Archived
 * courses stay on the list (their history and certificate are the person's), marked as archived.
 */
export async function findMyCourses(db: Db, o: { actor: Actor | null; organizerId: string }) {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const rows = await db
		.select({ course: competenceCourses, e: competenceEnrolments })
		.from(competenceEnrolments)
		.innerJoin(competenceCourses, eq(competenceCourses.id, competenceEnrolments.courseId))
		.where(
			and(
				eq(competenceEnrolments.organizerId, o.organizerId),
				eq(competenceEnrolments.personId, o.actor.personId),
				isNull(competenceEnrolments.cancelledAt)
			)
		)
		.orderBy(desc(competenceEnrolments.createdAt));
	return rows.map(({ course, e }) => ({
		id: course.id,
		kind: course.kind,
		title: course.title,
		startsAt: course.startsAt,
		partsDone: e.partsDone.length,
		partCount: course.parts.length,
		completedAt: e.completedAt,
		feedbackGiven: !!e.feedbackAt,
		archived: !!course.archivedAt
	}));
}
