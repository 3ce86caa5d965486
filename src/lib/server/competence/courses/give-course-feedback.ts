import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, parseOrThrow } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment } from './enrolment-queries';

const feedbackSchema = z.object({
	score: z
		.string({ message: 'courses_error_score' })
		.trim()
		.refine((v) => /^[1-5]$/.test(v), 'courses_error_score')
		.transform(Number),
	comment: z
		.string()
		.trim()
		.max(2000, 'courses_error_too_long')
		.optional()
		.transform((v) => v ?? '')
});

/**
 * The one question after a completed course: how useful it was (1–5) and an optional comment, once. CONFLICT before
 * completion and after feedback is given. Audited with the score, not the comment.
 */
export async function giveCourseFeedback(
	db: Db,
	o: { actor: Actor | null; organizerId: string; courseId: string; input: { score?: string; comment?: string }; now?: Date }
) {
	const input = parseOrThrow(feedbackSchema, o.input);
	return db.transaction(async (tx) => {
		const { actor, course, enrolment } = await loadOwnEnrolment(tx, o);
		if (!enrolment.completedAt) throw conflict('form', 'courses_error_feedback_early');
		if (enrolment.feedbackAt) throw conflict('form', 'courses_error_feedback_given');
		const done = await tx
			.update(competenceEnrolments)
			.set({ feedbackScore: input.score, feedbackComment: input.comment, feedbackAt: o.now ?? new Date() })
			.where(and(eq(competenceEnrolments.id, enrolment.id), isNull(competenceEnrolments.feedbackAt)))
			.returning({ id: competenceEnrolments.id });
		if (!done.length) throw conflict('form', 'courses_error_feedback_given');
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.enrolment.feedback',
			entityType: 'competence_course',
			entityId: course.id,
			changes: { score: [null, input.score] }
		});
	});
}
