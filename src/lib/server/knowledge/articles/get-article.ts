import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, kbArticleVotes, organizers, supportCategories } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { isArticleSlug } from './article-input';
import { articleScope } from './queries';

/**
 * One article the actor reads at the organizer (see articleScope), by slug: the organizer's own first, else one
 * an organizer serving it shares. With its category, owner (as the support chain shows names), the votes and the
 * actor's own vote, and what the actor may do with it. NOT_FOUND for a malformed slug or one the actor does not read.
 */
export async function getArticle(db: Db, opts: { actor: Actor; organizerId: string; slug: string }) {
	const resource = { type: 'knowledge' as const, organizerId: opts.organizerId };
	authorize(opts.actor, 'kb.read', resource);
	if (!isArticleSlug(opts.slug)) throw new AppError('NOT_FOUND', 'article');
	const scope = await articleScope(db, opts.actor, opts.organizerId);
	const [found] = await db
		.select({ article: kbArticles, categoryName: supportCategories.name, organizerName: organizers.name })
		.from(kbArticles)
		.innerJoin(organizers, eq(organizers.id, kbArticles.organizerId))
		.leftJoin(supportCategories, eq(supportCategories.id, kbArticles.categoryId))
		.where(and(eq(kbArticles.slug, opts.slug), scope.where))
		.orderBy(sql`${kbArticles.organizerId} = ${opts.organizerId} desc`, asc(kbArticles.createdAt))
		.limit(1);
	if (!found) throw new AppError('NOT_FOUND', 'article');
	const { article } = found;
	const [tally] = await db
		.select({
			yes: sql<number>`count(*) filter (where ${kbArticleVotes.helpful})::int`,
			no: sql<number>`count(*) filter (where not ${kbArticleVotes.helpful})::int`,
			mine: sql<boolean | null>`bool_or(${kbArticleVotes.helpful}) filter (where ${kbArticleVotes.voterKey} = ${opts.actor.personId})`
		})
		.from(kbArticleVotes)
		.where(eq(kbArticleVotes.articleId, article.id));
	const names = await shownNamesById(db, {
		actor: opts.actor,
		organizerId: article.organizerId,
		personIds: [article.ownerId],
		via: 'knowledge'
	});
	const own = article.organizerId === opts.organizerId;
	const publisher = own && can(opts.actor, 'kb.publish', resource);
	return {
		article,
		categoryName: found.categoryName,
		sharedBy: own ? null : found.organizerName,
		ownerName: article.ownerId ? (names.get(article.ownerId) ?? null) : null,
		votes: { helpful: tally?.yes ?? 0, notHelpful: tally?.no ?? 0, mine: tally?.mine ?? null },
		/** Writers edit drafts; a published article is edited by those who publish. */
		canEdit: own && scope.canWrite && (publisher || article.status === 'draft'),
		canPublish: publisher,
		/** The history is for those who write the organizer's own articles. */
		canSeeHistory: own && scope.canWrite
	};
}
