import { renderMarkdown } from '../render-markdown';
import type { getArticle } from './get-article';

/** What the article page shows: the body as safe HTML, and only the fields the page needs. */
export function presentArticle(found: Awaited<ReturnType<typeof getArticle>>) {
	const a = found.article;
	return {
		article: {
			slug: a.slug,
			title: a.title,
			kind: a.kind,
			status: a.status,
			audience: a.audience,
			html: renderMarkdown(a.body),
			linkUrl: a.linkUrl,
			reviewOn: a.reviewOn,
			updatedAt: a.updatedAt.toISOString(),
			version: a.version
		},
		categoryName: found.categoryName,
		ownerName: found.ownerName,
		sharedBy: found.sharedBy,
		votes: found.votes,
		canEdit: found.canEdit,
		canSeeHistory: found.canSeeHistory
	};
}
