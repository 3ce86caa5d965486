import type { qaQuestions } from '../../db/schema';
import type { Actor } from '../../policies';

/** An answer as the question's page shows it. */
export type AnswerView = { id: string; body: string; author: string; mine: boolean; accepted: boolean; createdAt: string };

/** A question as its page shows it: only these fields reach the browser. */
export type QuestionView = {
	id: string;
	title: string;
	body: string;
	chain: string;
	askedBy: string;
	mine: boolean;
	createdAt: string;
	answers: AnswerView[];
	acceptedAnswerId: string | null;
	/** The draft article made of it, once made. */
	article: { slug: string; title: string } | null;
	/** The asker may mark an answer as the one that answered. */
	canAccept: boolean;
	/** A writer of the knowledge base may make the accepted answer a draft article, once. */
	canMakeArticle: boolean;
};

/** Whitelists what the page gets of a question and its answers, with the names already chosen for the viewer. */
export function presentQuestion(opts: {
	question: typeof qaQuestions.$inferSelect;
	answers: { id: string; personId: string; body: string; createdAt: Date }[];
	names: Map<string, string>;
	article: { slug: string; title: string } | null;
	actor: Actor;
	canWrite: boolean;
}): QuestionView {
	const { question: q, actor } = opts;
	const mine = q.askedBy === actor.personId;
	return {
		id: q.id,
		title: q.title,
		body: q.body,
		chain: q.chain,
		askedBy: opts.names.get(q.askedBy) ?? '',
		mine,
		createdAt: q.createdAt.toISOString(),
		answers: opts.answers.map((a) => ({
			id: a.id,
			body: a.body,
			author: opts.names.get(a.personId) ?? '',
			mine: a.personId === actor.personId,
			accepted: a.id === q.acceptedAnswerId,
			createdAt: a.createdAt.toISOString()
		})),
		acceptedAnswerId: q.acceptedAnswerId,
		article: opts.article,
		canAccept: mine,
		canMakeArticle: opts.canWrite && !!q.acceptedAnswerId && !q.articleId
	};
}
