import { and, count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { AppError, conflict } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { loadCourse, type CourseRow } from './course-values';

export type EnrolmentRow = typeof competenceEnrolments.$inferSelect;

/** A person's active (not cancelled) sign-up to a course, or null. */
export async function findEnrolment(db: Db, courseId: string, personId: string): Promise<EnrolmentRow | null> {
	const [row] = await db
		.select()
		.from(competenceEnrolments)
		.where(
			and(
				eq(competenceEnrolments.courseId, courseId),
				eq(competenceEnrolments.personId, personId),
				isNull(competenceEnrolments.cancelledAt)
			)
		);
	return row ?? null;
}

/** How many have an active sign-up to a course. */
export async function signedUpCount(db: Db, courseId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(competenceEnrolments)
		.where(and(eq(competenceEnrolments.courseId, courseId), isNull(competenceEnrolments.cancelledAt)));
	return Number(row?.n ?? 0);
}

/**
 * The course and the actor's own sign-up to it, for the person's own steps (competence.catalog): NOT_FOUND for no
 * course here (an archived course too, unless `archived` asks for it: a certificate outlives its course), CONFLICT
 * beside the form when the actor has not signed up.
 */
export async function loadOwnEnrolment(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; archived?: boolean }) {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const course = await loadCourse(db, o.organizerId, o.courseId, { archived: o.archived });
	if (!course) throw new AppError('NOT_FOUND', 'no such course');
	const enrolment = await findEnrolment(db, course.id, o.actor.personId);
	if (!enrolment) throw conflict('form', 'courses_error_not_signed_up');
	return { actor: o.actor, course, enrolment };
}

/** Whether a sign-up meets everything a course asks before it counts as completed (not live: attendance does that). */
export function readyToComplete(course: Pick<CourseRow, 'parts' | 'quiz'>, e: Pick<EnrolmentRow, 'partsDone' | 'quizPassedAt'>): boolean {
	const done = new Set(e.partsDone);
	return course.parts.every((_, i) => done.has(i)) && (!course.quiz || !!e.quizPassedAt);
}
