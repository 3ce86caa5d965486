import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceCourses, competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, conflict } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { findEnrolment, signedUpCount, type EnrolmentRow } from './enrolment-queries';

/**
 * Signs the actor up to a course (competence.catalog). A live session that has ended, or whose seats are all taken, is
 * refused with a message (CONFLICT): no waiting list (decision 058). Signing up twice is refused too. The course row is
 * locked while the seats are counted, so two sign-ups for the last seat cannot both get it. Audited.
 */
export async function signUp(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; now?: Date }): Promise<EnrolmentRow> {
	authorize(o.actor, 'competence.catalog', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	const now = o.now ?? new Date();
	return db.transaction(async (tx) => {
		const [course] = await tx
			.select()
			.from(competenceCourses)
			.where(and(eq(competenceCourses.id, o.courseId), eq(competenceCourses.organizerId, o.organizerId)))
			.for('update');
		if (!course || course.archivedAt) throw new AppError('NOT_FOUND', 'no such course');
		if (await findEnrolment(tx, course.id, actor.personId)) throw conflict('form', 'courses_error_already');
		if (course.kind === 'live') {
			if (course.endsAt && course.endsAt <= now) throw conflict('form', 'courses_error_over');
			if (course.capacity !== null && (await signedUpCount(tx, course.id)) >= course.capacity) throw conflict('form', 'courses_error_full');
		}
		const [row] = await tx
			.insert(competenceEnrolments)
			.values({ organizerId: o.organizerId, courseId: course.id, personId: actor.personId, createdAt: now })
			.onConflictDoUpdate({
				target: [competenceEnrolments.courseId, competenceEnrolments.personId],
				set: { cancelledAt: null, partsDone: [], quizPassedAt: null, attendedAt: null, completedAt: null, createdAt: now }
			})
			.returning();
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.enrolment.create',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { personId: [null, actor.personId] }
		});
		return row;
	});
}
