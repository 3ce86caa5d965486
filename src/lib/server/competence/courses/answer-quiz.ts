import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { competenceEnrolments } from '../../db/schema';
import { conflict, invalid } from '../../errors';
import type { Actor } from '../../policies';
import { loadOwnEnrolment } from './enrolment-queries';

/**
 * The actor answers a course's quiz (fields `q0`, `q1` … with the chosen option's index). Every question must be
 * answered (INVALID beside the first unanswered). Passing (at least the pass mark right) is kept; a fail can be
 * retried. Returns the number right and whether it passed. Not audited: the answers are the person's own.
 */
export async function answerQuiz(
	db: Db,
	o: { actor: Actor | null; organizerId: string; courseId: string; answers: Record<string, string | undefined>; now?: Date }
) {
	return db.transaction(async (tx) => {
		const { course, enrolment } = await loadOwnEnrolment(tx, o);
		if (!course.quiz) throw conflict('form', 'courses_error_no_quiz');
		let right = 0;
		course.quiz.questions.forEach((q, i) => {
			const a = o.answers[`q${i}`];
			if (a === undefined || !/^\d$/.test(a) || Number(a) >= q.options.length) throw invalid(`q${i}`, 'courses_error_answer');
			if (Number(a) === q.correct) right++;
		});
		const passed = right >= course.quiz.passMark;
		if (passed && !enrolment.quizPassedAt)
			await tx
				.update(competenceEnrolments)
				.set({ quizPassedAt: o.now ?? new Date() })
				.where(eq(competenceEnrolments.id, enrolment.id));
		return { right, total: course.quiz.questions.length, passMark: course.quiz.passMark, passed };
	});
}
