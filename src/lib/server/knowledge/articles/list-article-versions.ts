import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleVersions } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { findOwnArticle } from './queries';

/** The saved versions of one of the organizer's articles, newest first, with who saved each (kb.write). */
export async function listArticleVersions(db: Db, opts: { actor: Actor; organizerId: string; slug: string }) {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const article = await findOwnArticle(db, opts.organizerId, opts.slug);
	if (!article) throw new AppError('NOT_FOUND', 'article');
	const rows = await db
		.select({
			version: kbArticleVersions.version,
			title: kbArticleVersions.title,
			changedBy: kbArticleVersions.changedBy,
			createdAt: kbArticleVersions.createdAt
		})
		.from(kbArticleVersions)
		.where(eq(kbArticleVersions.articleId, article.id))
		.orderBy(desc(kbArticleVersions.version));
	const names = await shownNamesById(db, { ...opts, personIds: rows.map((r) => r.changedBy), via: 'knowledge' });
	return {
		article: { slug: article.slug, title: article.title, version: article.version },
		versions: rows.map((r) => ({
			version: r.version,
			title: r.title,
			createdAt: r.createdAt,
			changedBy: r.changedBy ? (names.get(r.changedBy) ?? null) : null
		}))
	};
}
