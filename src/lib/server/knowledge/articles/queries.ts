import { and, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, supportTeamOrganizers, supportTeams } from '../../db/schema';
import { can, readableAudiences, type Actor } from '../../policies';
import { isArticleSlug } from './article-input';

/**
 * The organizers whose shared articles are offered at `organizerId`: those with a team (not archived) that serves it.
 * An organizer's own teams serve it too, so it is left out.
 */
export async function sharingOrganizerIds(db: Db, organizerId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ id: supportTeams.organizerId })
		.from(supportTeams)
		.innerJoin(supportTeamOrganizers, eq(supportTeamOrganizers.teamId, supportTeams.id))
		.where(
			and(eq(supportTeamOrganizers.organizerId, organizerId), isNull(supportTeams.archivedAt), ne(supportTeams.organizerId, organizerId))
		);
	return rows.map((r) => r.id);
}

/** What the actor may read at the organizer, as a condition on kb_articles, with the organizers it spans. */
export type ArticleScope = { where: SQL; organizerIds: string[]; canWrite: boolean };

/**
 * Which articles the actor reads at the organizer: its own published articles for the actor's audiences (every
 * draft too for those who write), and published articles that organizers serving it through their teams share.
 * Archived articles are never read. Callers have checked kb.read.
 */
export async function articleScope(db: Db, actor: Actor, organizerId: string): Promise<ArticleScope> {
	const canWrite = can(actor, 'kb.write', { type: 'knowledge', organizerId });
	const audiences = readableAudiences(actor, organizerId);
	const sharers = await sharingOrganizerIds(db, organizerId);
	const published = and(eq(kbArticles.status, 'published'), inArray(kbArticles.audience, audiences));
	const own = and(eq(kbArticles.organizerId, organizerId), canWrite ? undefined : published);
	const shared = sharers.length ? and(inArray(kbArticles.organizerId, sharers), eq(kbArticles.shared, true), published) : undefined;
	return {
		where: and(isNull(kbArticles.archivedAt), shared ? or(own, shared) : own) ?? sql`true`,
		organizerIds: [organizerId, ...sharers],
		canWrite
	};
}

/**
 * One of the organizer's own articles (not archived) by slug, or null; `lock` for a write. Malformed slugs find
 * nothing. No authorization here: callers check the right that fits what they do.
 */
export async function findOwnArticle(db: Db, organizerId: string, slug: string, lock = false) {
	if (!isArticleSlug(slug)) return null;
	const q = db
		.select()
		.from(kbArticles)
		.where(and(eq(kbArticles.organizerId, organizerId), eq(kbArticles.slug, slug), isNull(kbArticles.archivedAt)));
	const [row] = lock ? await q.for('update') : await q;
	return row ?? null;
}
