import type { Db } from '../../db';
import type { kbArticles } from '../../db/schema';
import { indexDocument } from '../../search/index-document';
import { markdownToPlainText } from '../render-markdown';

/** Puts an article into the search index: its title, tags and category weighted above its words. Same transaction as the write. */
export async function indexArticle(db: Db, article: typeof kbArticles.$inferSelect, categoryName: string | null): Promise<void> {
	await indexDocument(db, {
		kind: 'article',
		sourceId: article.id,
		organizerId: article.organizerId,
		title: article.title,
		body: markdownToPlainText(article.body),
		keywords: [...article.tags, ...(categoryName ? [categoryName] : [])]
	});
}
