import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { qaQuestions, searchDocuments } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { prepareSearch } from '../../search/prepare-search';
import { suggestForFiling } from '../suggestions/suggest-for-filing';
import { answerCount } from './find-questions';

/** How many earlier questions, and how many articles, are suggested at most. */
export const SIMILAR_LIMIT = 3;
/** An earlier question whose asker accepted an answer ranks this much higher. */
const ACCEPTED_BOOST = 1.5;
/** What is read of the typed text. */
const MAX_TEXT = 2000;

/** What the asking form shows beside itself: earlier questions (answered or not) and published articles. */
export type SimilarSuggestions = {
	questions: { id: string; title: string; answers: number; accepted: boolean }[];
	articles: { id: string; slug: string; title: string }[];
};

/**
 * Earlier colleague questions of the organizer and published articles the actor may read that look like what is
 * being asked, a few of each, best first, by the search module (the last word matched as a prefix, for typing).
 * An earlier question with an accepted answer ranks above one without. Empty when nothing searchable was typed.
 */
export async function suggestSimilarQuestions(
	db: Db,
	opts: { actor: Actor; organizerId: string; text: string; chain?: string | null }
): Promise<SimilarSuggestions> {
	authorize(opts.actor, 'qa.take_part', { type: 'knowledge', organizerId: opts.organizerId });
	const text = opts.text.slice(0, MAX_TEXT);
	const search = await prepareSearch(db, { organizerIds: [opts.organizerId], query: text, kinds: ['question'], prefixLast: true });
	if (!search) return { questions: [], articles: [] };
	const score = sql<number>`(${search.rank}) * (CASE WHEN ${qaQuestions.acceptedAnswerId} IS NOT NULL THEN ${ACCEPTED_BOOST}::real ELSE 1 END)`;
	const rows = await db
		.select({ id: qaQuestions.id, title: qaQuestions.title, answers: answerCount, acceptedAnswerId: qaQuestions.acceptedAnswerId })
		.from(qaQuestions)
		.innerJoin(searchDocuments, and(eq(searchDocuments.kind, 'question'), eq(searchDocuments.sourceId, qaQuestions.id)))
		.where(and(eq(qaQuestions.organizerId, opts.organizerId), search.where))
		.orderBy(desc(score), desc(qaQuestions.createdAt), qaQuestions.id)
		.limit(SIMILAR_LIMIT);
	const found = await suggestForFiling(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		chain: opts.chain || null,
		text,
		limit: SIMILAR_LIMIT
	});
	return {
		questions: rows.map((r) => ({ id: r.id, title: r.title, answers: r.answers, accepted: !!r.acceptedAnswerId })),
		articles: found.articles.map((a) => ({ id: a.id, slug: a.slug, title: a.title }))
	};
}
