import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaAnswers, qaQuestions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError, invalid } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { indexQuestion } from './index-question';
import { loadQuestion } from './queries';

/**
 * Marks one answer as the one that answered the question. Only the asker may, and may change their mind (another
 * answer replaces it). The question is indexed again with the accepted answer's words, and audited.
 */
export async function acceptAnswer(
	db: Db,
	opts: { actor: Actor; organizerId: string; questionId: string; answerId: string }
): Promise<typeof qaQuestions.$inferSelect> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const question = await loadQuestion(db, opts.organizerId, opts.questionId);
	if (question.askedBy !== opts.actor.personId) throw new AppError('FORBIDDEN', 'only the asker accepts an answer');
	const [answer] = isUuid(opts.answerId)
		? await db
				.select({ id: qaAnswers.id })
				.from(qaAnswers)
				.where(and(eq(qaAnswers.id, opts.answerId), eq(qaAnswers.questionId, question.id)))
		: [];
	if (!answer) throw invalid('answerId', 'qa_error_no_such_answer');
	if (question.acceptedAnswerId === answer.id) return question;
	return db.transaction(async (tx) => {
		const [row] = await tx
			.update(qaQuestions)
			.set({ acceptedAnswerId: answer.id, updatedAt: new Date() })
			.where(eq(qaQuestions.id, question.id))
			.returning();
		await indexQuestion(tx, row);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'qa_question.accept',
			entityType: 'qa_question',
			entityId: question.id,
			changes: { acceptedAnswerId: [question.acceptedAnswerId, answer.id] }
		});
		return row;
	});
}
