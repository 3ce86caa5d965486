import { and, asc, eq, isNull } from 'drizzle-orm';
import { requireKnowledge } from '$lib/server/http/require-knowledge';
import { supportCategories } from '$lib/server/db/schema';
import { can } from '$lib/server/policies';
import { ARTICLE_SORTS, findArticles, type ArticleSort } from '$lib/server/knowledge/articles/find-articles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { actor, organizer } = await requireKnowledge(event, 'kb.read');
	const db = event.locals.db;
	const params = event.url.searchParams;
	const query = (params.get('q') ?? '').slice(0, 200);
	const categoryId = params.get('kategori') ?? '';
	const sortParam = params.get('ordning') ?? '';
	const sort: ArticleSort = (ARTICLE_SORTS as readonly string[]).includes(sortParam) ? (sortParam as ArticleSort) : 'category';
	const found = await findArticles(db, { actor, organizerId: organizer.id, query, categoryId, sort });
	const categories = await db
		.select({ id: supportCategories.id, name: supportCategories.name })
		.from(supportCategories)
		.where(and(eq(supportCategories.organizerId, organizer.id), isNull(supportCategories.archivedAt)))
		.orderBy(asc(supportCategories.nameSort));
	return {
		query,
		categoryId,
		sort,
		categories,
		searched: found.searched,
		items: found.items.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() })),
		canWrite: found.canWrite,
		canManage: can(actor, 'kb.manage', { type: 'knowledge', organizerId: organizer.id }),
		// Help from people and from the assistant, beside the articles (issue 15, items 4–6).
		more: {
			assistant: can(actor, 'assistant.use', { type: 'knowledge', organizerId: organizer.id }),
			questions: can(actor, 'qa.take_part', { type: 'knowledge', organizerId: organizer.id }),
			guidance: can(actor, 'guidance.book', { type: 'knowledge', organizerId: organizer.id })
		},
		archived: params.has('borttagen')
	};
};
