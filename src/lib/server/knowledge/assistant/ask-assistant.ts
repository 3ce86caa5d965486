import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assistantConversations, assistantTurns, kbArticles, searchDocuments, type QuotedPassage } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid } from '../../errors';
import { authorize, readableAudiences, type Actor } from '../../policies';
import { prepareSearch } from '../../search/prepare-search';
import { termCounts } from '../../search/lexicon';
import { articleScope } from '../articles/queries';
import { markdownToPlainText } from '../render-markdown';
import { extractiveComposer, type AnswerComposer, type ComposedAnswer, type FoundArticle } from './answer-composer';
import { MAX_QUESTION, MAX_TURNS, ownConversation } from './queries';
import { queryWordsOf } from './score-passages';

/** How many of the best articles the passages are taken from. */
const ARTICLES_READ = 5;

export type AskAssistantOptions = {
	actor: Actor;
	organizerId: string;
	question: string;
	/** Continue this conversation (the actor's own); a new one is started when left out. */
	conversationId?: string | null;
	/** Who puts the answer together; the extractive composer unless an organizer plugged in another (decision 042). */
	composer?: AnswerComposer;
};

/**
 * Answers a question from the knowledge base, in the actor's conversation: the search module finds the best
 * published articles the actor may read (their audiences; shared articles too), the composer quotes the passages
 * that hold the question's words, and the turn is kept with how sure it was. Below the threshold nothing is quoted
 * (`answered` false) and the page offers a case instead. Only text found word for word in those articles is ever
 * quoted. Audited (without the question: that stays in the conversation, read by the person and the reviewers).
 */
export async function askAssistant(db: Db, opts: AskAssistantOptions) {
	const { actor, organizerId } = opts;
	authorize(actor, 'assistant.use', { type: 'knowledge', organizerId });
	const question = opts.question.replace(/\s+/g, ' ').trim();
	if (question.length < 3) throw invalid('question', 'assistant_error_question_required');
	if (question.length > MAX_QUESTION) throw invalid('question', 'assistant_error_question_too_long');
	if (opts.conversationId) await ownConversation(db, actor, organizerId, opts.conversationId);

	const articles = await findArticlesFor(db, actor, organizerId, question);
	const answer = articles.found.length
		? grounded(
				await (opts.composer ?? extractiveComposer).compose({ question, words: articles.words, articles: articles.found }),
				articles.found
			)
		: { answered: false, confidence: 0, passages: [] };

	return db.transaction(async (tx) => {
		let conversationId = opts.conversationId ?? null;
		if (conversationId) {
			await ownConversation(tx, actor, organizerId, conversationId, true);
			const [{ n }] = await tx.select({ n: count() }).from(assistantTurns).where(eq(assistantTurns.conversationId, conversationId));
			if (n >= MAX_TURNS) throw invalid('question', 'assistant_error_too_many_turns');
		} else {
			const [created] = await tx.insert(assistantConversations).values({ organizerId, personId: actor.personId }).returning();
			conversationId = created.id;
		}
		const [turn] = await tx
			.insert(assistantTurns)
			.values({ conversationId, question, passages: answer.passages, confidence: answer.confidence, answered: answer.answered })
			.returning();
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assistant.ask',
			entityType: 'assistant_conversation',
			entityId: conversationId,
			changes: {
				turnId: turn.id,
				answered: answer.answered,
				confidence: answer.confidence,
				articles: answer.passages.map((p) => p.articleId)
			}
		});
		return { conversationId, turn };
	});
}

/** The best published articles the actor reads for the question, and the question's words as the search analysed them. */
async function findArticlesFor(db: Db, actor: Actor, organizerId: string, question: string) {
	const scope = await articleScope(db, actor, organizerId);
	const search = await prepareSearch(db, { organizerIds: scope.organizerIds, query: question, kinds: ['article'] });
	if (!search) return { found: [] as FoundArticle[], words: [] };
	const found = await db
		.select({
			id: kbArticles.id,
			slug: kbArticles.slug,
			title: kbArticles.title,
			version: kbArticles.version,
			updatedAt: kbArticles.updatedAt,
			body: kbArticles.body,
			rank: sql<number>`(${search.rank})::float8`.mapWith(Number)
		})
		.from(searchDocuments)
		.innerJoin(kbArticles, and(eq(searchDocuments.kind, 'article'), eq(searchDocuments.sourceId, kbArticles.id)))
		.where(
			and(
				scope.where,
				// Drafts are never quoted, not even to those who write them: the assistant answers from what is published.
				eq(kbArticles.status, 'published'),
				inArray(kbArticles.audience, readableAudiences(actor, organizerId)),
				search.where
			)
		)
		.orderBy(desc(search.rank), desc(kbArticles.updatedAt), kbArticles.id)
		.limit(ARTICLES_READ);
	// The question as the search analysed it (with the organizers' own synonyms): scored against each passage.
	const { words, groups } = search.analysis;
	const typed = words.map((w) => w.folded);
	const stats = await termCounts(db, scope.organizerIds, ['article'], [...new Set([...groups.flatMap((g) => g.terms), ...search.terms])]);
	return { found, words: queryWordsOf(words.length, groups, search.terms, typed, stats) };
}

/**
 * What the composer answered, keeping only passages that are word for word in the article they name (among those
 * found) and naming that article as it is: the guard that holds whatever composer is plugged in.
 */
function grounded(answer: ComposedAnswer, found: FoundArticle[]): ComposedAnswer {
	const byId = new Map(found.map((a) => [a.id, { article: a, text: markdownToPlainText(a.body) }]));
	const passages: QuotedPassage[] = answer.passages.flatMap((p) => {
		const source = byId.get(p.articleId);
		const text = p.text.trim();
		if (!source || !text || !source.text.includes(text)) return [];
		const a = source.article;
		return [{ articleId: a.id, version: a.version, title: a.title, slug: a.slug, text, updatedAt: a.updatedAt.toISOString() }];
	});
	const confidence = Math.min(1, Math.max(0, Number.isFinite(answer.confidence) ? answer.confidence : 0));
	return passages.length && answer.answered ? { answered: true, confidence, passages } : { answered: false, confidence, passages: [] };
}
