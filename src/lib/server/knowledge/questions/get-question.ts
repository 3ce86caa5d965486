import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, qaAnswers } from '../../db/schema';
import { authorize, can, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { presentQuestion, type QuestionView } from './present-question';
import { loadQuestion } from './queries';

/**
 * One colleague question with its answers, oldest first (qa.take_part); NOT_FOUND for another organizer's or a
 * malformed id. Names as the support chain shows them: a person with protected identity by their pseudonym, except
 * to themselves and to organization administrators (whose look is audited).
 */
export async function getQuestion(
	db: Db,
	opts: { actor: Actor; organizerId: string; questionId: string; locale?: 'sv' | 'en' }
): Promise<QuestionView> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const question = await loadQuestion(db, opts.organizerId, opts.questionId);
	const answers = await db
		.select({ id: qaAnswers.id, personId: qaAnswers.personId, body: qaAnswers.body, createdAt: qaAnswers.createdAt })
		.from(qaAnswers)
		.where(eq(qaAnswers.questionId, question.id))
		.orderBy(asc(qaAnswers.createdAt), asc(qaAnswers.id));
	const names = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		personIds: [question.askedBy, ...answers.map((a) => a.personId)],
		via: 'qa.question',
		locale: opts.locale
	});
	const [article] = question.articleId
		? await db.select({ slug: kbArticles.slug, title: kbArticles.title }).from(kbArticles).where(eq(kbArticles.id, question.articleId))
		: [];
	const canWrite = can(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	return presentQuestion({ question, answers, names, article: article ?? null, actor: opts.actor, canWrite });
}
