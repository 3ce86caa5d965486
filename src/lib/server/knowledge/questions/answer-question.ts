import type { Db } from '../../db';
import { qaAnswers, qaQuestions } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record-audit';
import { parseOrThrow } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { notifyPeople } from './notify-people';
import { answerSchema } from './question-input';
import { loadQuestion } from './queries';

/**
 * Answers a colleague question (qa.take_part). An empty answer is refused beside the field. Audited; the asker is
 * told of the new answer (qa_answer) unless they wrote it themselves.
 */
export async function answerQuestion(
	db: Db,
	opts: { actor: Actor; organizerId: string; questionId: string; input: { body?: string }; now?: Date }
): Promise<typeof qaAnswers.$inferSelect> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const question = await loadQuestion(db, opts.organizerId, opts.questionId);
	const input = parseOrThrow(answerSchema, opts.input);
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(qaAnswers)
			.values({ questionId: question.id, personId: opts.actor.personId, body: input.body })
			.returning();
		await tx.update(qaQuestions).set({ updatedAt: new Date() }).where(eq(qaQuestions.id, question.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'qa_answer.create',
			entityType: 'qa_question',
			entityId: question.id,
			changes: { answerId: [null, row.id] }
		});
		if (question.askedBy !== opts.actor.personId)
			await notifyPeople(tx, {
				kind: 'qa_answer',
				notice: { organizerId: opts.organizerId, questionId: question.id, title: question.title },
				personIds: [question.askedBy],
				now: opts.now
			});
		return row;
	});
}
