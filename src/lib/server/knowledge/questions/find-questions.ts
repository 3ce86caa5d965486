import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaQuestions, searchDocuments } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { highlightSnippet, type SnippetPart } from '../../search/highlight';
import { prepareSearch } from '../../search/prepare-search';
import { shownNamesById } from '../../support/privacy/shown-names';

/** The tabs of the question list: nobody has answered yet, every question, the actor's own. */
export const QUESTION_FILTERS = ['unanswered', 'all', 'mine'] as const;
export type QuestionFilter = (typeof QUESTION_FILTERS)[number];
export const isQuestionFilter = (v: unknown): v is QuestionFilter =>
	typeof v === 'string' && (QUESTION_FILTERS as readonly string[]).includes(v);

/** One question in the list, as the page shows it. */
export type QuestionListItem = {
	id: string;
	title: string;
	chain: string;
	askedBy: string;
	mine: boolean;
	answers: number;
	accepted: boolean;
	createdAt: Date;
	snippet: SnippetPart[] | null;
};

/** How many answers a question has, for lists. */
export const answerCount = sql<number>`(SELECT count(*) FROM qa_answers a WHERE a.question_id = ${qaQuestions.id})::int`;

/**
 * The organizer's colleague questions (qa.take_part): `unanswered` (no answer yet, oldest first so the longest
 * waiting come first), `all` or `mine` (newest first). With `query`, those the search module finds, best first,
 * with the words around the hits. The asker's name as the support chain shows it (a pseudonym for a protected
 * person). At most `limit`.
 */
export async function findQuestions(
	db: Db,
	opts: { actor: Actor; organizerId: string; filter?: QuestionFilter; query?: string; limit?: number; locale?: 'sv' | 'en' }
): Promise<{ items: QuestionListItem[]; searched: boolean }> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const filter = opts.filter ?? 'all';
	const prepared = opts.query?.trim()
		? await prepareSearch(db, { organizerIds: [opts.organizerId], query: opts.query.slice(0, 200), kinds: ['question'] })
		: null;
	const conditions: (SQL | undefined)[] = [eq(qaQuestions.organizerId, opts.organizerId)];
	if (filter === 'unanswered') conditions.push(sql`${answerCount} = 0`, isNull(qaQuestions.acceptedAnswerId));
	if (filter === 'mine') conditions.push(eq(qaQuestions.askedBy, opts.actor.personId));
	const base = db
		.select({
			id: qaQuestions.id,
			title: qaQuestions.title,
			body: qaQuestions.body,
			chain: qaQuestions.chain,
			askedBy: qaQuestions.askedBy,
			acceptedAnswerId: qaQuestions.acceptedAnswerId,
			createdAt: qaQuestions.createdAt,
			answers: answerCount
		})
		.from(qaQuestions)
		.$dynamic();
	const limit = Math.min(Math.max(1, opts.limit ?? 50), 200);
	const rows = prepared
		? await base
				.innerJoin(searchDocuments, and(eq(searchDocuments.kind, 'question'), eq(searchDocuments.sourceId, qaQuestions.id)))
				.where(and(...conditions, prepared.where))
				.orderBy(desc(prepared.rank), desc(qaQuestions.createdAt), qaQuestions.id)
				.limit(limit)
		: await base
				.where(and(...conditions))
				.orderBy(filter === 'unanswered' ? qaQuestions.createdAt : desc(qaQuestions.createdAt), qaQuestions.id)
				.limit(limit);
	const names = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		personIds: rows.map((r) => r.askedBy),
		via: 'qa.questions',
		locale: opts.locale
	});
	return {
		searched: !!prepared,
		items: rows.map((r) => ({
			id: r.id,
			title: r.title,
			chain: r.chain,
			askedBy: names.get(r.askedBy) ?? '',
			mine: r.askedBy === opts.actor.personId,
			answers: r.answers,
			accepted: !!r.acceptedAnswerId,
			createdAt: r.createdAt,
			snippet: prepared && r.body ? highlightSnippet(r.body, prepared.terms) : null
		}))
	};
}
