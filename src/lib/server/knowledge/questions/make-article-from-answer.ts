import { and, eq, isNull } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { Db } from '../../db';
import { kbArticles, qaAnswers, qaQuestions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { createArticle } from '../articles/create-article';
import { loadQuestion } from './queries';

/** The draft's text: the question's details, then the accepted answer under a heading of its own (Markdown). */
export function articleBodyFrom(question: { title: string; body: string }, answer: string): string {
	const sv = { locale: 'sv' as const };
	const parts = [
		question.body.trim() ? `## ${m.qa_article_question_heading({}, sv)}\n\n${question.body.trim()}` : '',
		`## ${m.qa_article_answer_heading({}, sv)}\n\n${answer.trim()}`
	];
	return parts.filter(Boolean).join('\n\n');
}

/**
 * Makes a draft article of a question and its accepted answer, in one step, for those who write the knowledge base
 * (kb.write): the title from the question, the body from its details and the accepted answer, the question's chain,
 * for staff. The question links to the article. Refused beside the button when no answer is accepted, or when an
 * article was already made of it. Audited in the same transaction as the article.
 */
export async function makeArticleFromAnswer(
	db: Db,
	opts: { actor: Actor; organizerId: string; questionId: string }
): Promise<typeof kbArticles.$inferSelect> {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const question = await loadQuestion(db, opts.organizerId, opts.questionId);
	if (question.articleId) throw conflict('article', 'qa_error_article_exists');
	if (!question.acceptedAnswerId) throw conflict('article', 'qa_error_not_accepted');
	const [answer] = await db.select({ body: qaAnswers.body }).from(qaAnswers).where(eq(qaAnswers.id, question.acceptedAnswerId));
	return db.transaction(async (tx) => {
		const article = await createArticle(tx, {
			actor: opts.actor,
			organizerId: opts.organizerId,
			input: {
				title: question.title,
				body: articleBodyFrom(question, answer.body),
				kind: 'faq',
				chain: question.chain as 'technical' | 'pedagogical',
				audience: 'staff',
				status: 'draft'
			}
		});
		const linked = await tx
			.update(qaQuestions)
			.set({ articleId: article.id, updatedAt: new Date() })
			.where(and(eq(qaQuestions.id, question.id), isNull(qaQuestions.articleId)))
			.returning({ id: qaQuestions.id });
		// Someone else made it a moment ago: this transaction's article is undone with the refusal.
		if (linked.length === 0) throw conflict('article', 'qa_error_article_exists');
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'qa_question.make_article',
			entityType: 'qa_question',
			entityId: question.id,
			changes: { articleId: [null, article.id], answerId: question.acceptedAnswerId }
		});
		return article;
	});
}
