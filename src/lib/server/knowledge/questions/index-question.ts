import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaAnswers, type qaQuestions } from '../../db/schema';
import { indexDocument } from '../../search/index-document';

/**
 * Puts a colleague question into the search index (kind 'question'): its title weighted above its details and,
 * once one is accepted, the accepted answer, so a later asker finds the question by the words of its solution too.
 * Same transaction as the write it reflects (asking, accepting).
 */
export async function indexQuestion(db: Db, question: typeof qaQuestions.$inferSelect): Promise<void> {
	const accepted = question.acceptedAnswerId
		? (await db.select({ body: qaAnswers.body }).from(qaAnswers).where(eq(qaAnswers.id, question.acceptedAnswerId)))[0]?.body
		: null;
	await indexDocument(db, {
		kind: 'question',
		sourceId: question.id,
		organizerId: question.organizerId,
		title: question.title,
		body: [question.body, accepted ?? ''].filter(Boolean).join('\n\n')
	});
}
