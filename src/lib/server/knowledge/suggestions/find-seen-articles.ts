import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, ticketSeenArticles } from '../../db/schema';

/** An article the requester was shown while filing, as the case page lists it. */
export type SeenArticle = { id: string; slug: string; title: string };

/**
 * The articles a case's requester was shown while filing ("Visade artiklar vid anmälan"), by title. For the lines
 * that handle the case: the caller decides who sees the list.
 */
export async function findSeenArticles(db: Db, opts: { organizerId: string; ticketId: string }): Promise<SeenArticle[]> {
	return db
		.select({ id: kbArticles.id, slug: kbArticles.slug, title: kbArticles.title })
		.from(ticketSeenArticles)
		.innerJoin(kbArticles, eq(kbArticles.id, ticketSeenArticles.articleId))
		.where(and(eq(ticketSeenArticles.ticketId, opts.ticketId), eq(kbArticles.organizerId, opts.organizerId)))
		.orderBy(asc(kbArticles.title), asc(kbArticles.id));
}
