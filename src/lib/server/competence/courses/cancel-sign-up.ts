import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment } from './enrolment-queries';

/** The actor withdraws their own sign-up, freeing the seat; a completed course cannot be withdrawn from. Audited. */
export async function cancelSignUp(db: Db, o: { actor: Actor | null; organizerId: string; courseId: string; now?: Date }) {
	return db.transaction(async (tx) => {
		const { actor, course, enrolment } = await loadOwnEnrolment(tx, o);
		if (enrolment.completedAt) throw conflict('form', 'courses_error_completed');
		await tx
			.update(competenceEnrolments)
			.set({ cancelledAt: o.now ?? new Date() })
			.where(eq(competenceEnrolments.id, enrolment.id));
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.enrolment.cancel',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { personId: [actor.personId, null] }
		});
	});
}
