import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleFiles } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { findOwnArticle } from './queries';

/** At most this many files (cheat sheets, printouts) per article. */
export const MAX_ARTICLE_FILES = 5;

/** The organizer's article for a change of its files: kb.write for drafts, kb.publish for published ones. */
export async function editableArticle(db: Db, opts: { actor: Actor; organizerId: string; slug: string }) {
	const resource = { type: 'knowledge' as const, organizerId: opts.organizerId };
	authorize(opts.actor, 'kb.write', resource);
	const article = await findOwnArticle(db, opts.organizerId, opts.slug);
	if (!article) throw new AppError('NOT_FOUND', 'article');
	if (article.status === 'published' && !can(opts.actor, 'kb.publish', resource)) throw new AppError('FORBIDDEN', 'kb.publish');
	return article;
}

/** The files of an article, for its page (without their bytes). */
export async function listArticleFiles(db: Db, articleId: string) {
	return db
		.select({
			id: kbArticleFiles.id,
			fileName: kbArticleFiles.fileName,
			contentType: kbArticleFiles.contentType,
			size: kbArticleFiles.size
		})
		.from(kbArticleFiles)
		.where(eq(kbArticleFiles.articleId, articleId))
		.orderBy(kbArticleFiles.createdAt, kbArticleFiles.id);
}
