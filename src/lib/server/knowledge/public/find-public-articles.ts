import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, organizers, supportCategories } from '../../db/schema';
import { AppError } from '../../errors';
import { swedishSortKey } from '../../../sort-key';
import { parseKnowledgeSettings } from './knowledge-settings';
import { renderMarkdown } from '../render-markdown';

/** What a signed-out reader may see of the knowledge base: published, not archived, marked public. */
const readable = (organizerId: string) =>
	and(
		eq(kbArticles.organizerId, organizerId),
		eq(kbArticles.status, 'published'),
		eq(kbArticles.isPublic, true),
		isNull(kbArticles.archivedAt)
	);

/** The organizer by slug when it lets its public articles be read without signing in; NOT_FOUND otherwise. */
async function publicOrganizer(db: Db, orgSlug: string) {
	const [org] = await db
		.select({ id: organizers.id, slug: organizers.slug, name: organizers.name, settings: organizers.settings })
		.from(organizers)
		.where(eq(organizers.slug, orgSlug));
	if (!org || !parseKnowledgeSettings(org.settings.knowledge).publicArticles) throw new AppError('NOT_FOUND', 'organizer');
	return { id: org.id, slug: org.slug, name: org.name };
}

/** The public articles of an organizer that allows them, by title (Swedish order), without their bodies. */
export async function findPublicArticles(db: Db, { orgSlug }: { orgSlug: string }) {
	const organizer = await publicOrganizer(db, orgSlug);
	const rows = await db
		.select({ slug: kbArticles.slug, title: kbArticles.title, kind: kbArticles.kind, category: supportCategories.name })
		.from(kbArticles)
		.leftJoin(supportCategories, eq(supportCategories.id, kbArticles.categoryId))
		.where(readable(organizer.id))
		.orderBy(asc(kbArticles.title));
	const articles = rows
		.map((r) => ({ ...r, sort: swedishSortKey(r.title) }))
		.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
		.map(({ sort: _s, ...r }) => r);
	return { organizer, articles };
}

/** One public article, its body rendered safely; NOT_FOUND unless it and its organizer allow signed-out reading. */
export async function getPublicArticle(db: Db, { orgSlug, slug }: { orgSlug: string; slug: string }) {
	const organizer = await publicOrganizer(db, orgSlug);
	const [row] = await db
		.select({
			slug: kbArticles.slug,
			title: kbArticles.title,
			kind: kbArticles.kind,
			body: kbArticles.body,
			linkUrl: kbArticles.linkUrl,
			updatedAt: kbArticles.updatedAt,
			category: supportCategories.name
		})
		.from(kbArticles)
		.leftJoin(supportCategories, eq(supportCategories.id, kbArticles.categoryId))
		.where(and(readable(organizer.id), eq(kbArticles.slug, slug)));
	if (!row) throw new AppError('NOT_FOUND', 'article');
	const { body, ...rest } = row;
	return { organizer, article: { ...rest, updatedAt: row.updatedAt.toISOString(), html: renderMarkdown(body) } };
}
