import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment, readyToComplete } from './enrolment-queries';

/**
 * The actor completes a course they went through: every part done and, when the course has a quiz, the quiz passed —
 * otherwise CONFLICT with a message saying what is left. A live session is completed by its attendance, not here.
 * Completing twice is refused. Audited.
 */
export async function completeCourse(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; now?: Date }) {
	return db.transaction(async (tx) => {
		const { actor, course, enrolment } = await loadOwnEnrolment(tx, o);
		if (course.kind === 'live') throw conflict('form', 'courses_error_live_attendance');
		if (enrolment.completedAt) throw conflict('form', 'courses_error_completed');
		const done = new Set(enrolment.partsDone);
		if (!course.parts.every((_, i) => done.has(i))) throw conflict('form', 'courses_error_parts_left');
		if (!readyToComplete(course, enrolment)) throw conflict('form', 'courses_error_quiz_needed');
		const completedAt = o.now ?? new Date();
		await tx.update(competenceEnrolments).set({ completedAt }).where(eq(competenceEnrolments.id, enrolment.id));
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.enrolment.complete',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { completedAt: [null, completedAt.toISOString()] }
		});
		return completedAt;
	});
}
