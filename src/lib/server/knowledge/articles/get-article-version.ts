import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleVersions } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { shownNamesById } from '../../support/privacy/shown-names';
import { findOwnArticle } from './queries';

/** One saved version of one of the organizer's articles (kb.write); NOT_FOUND for a version that is not a whole number or not there. */
export async function getArticleVersion(db: Db, opts: { actor: Actor; organizerId: string; slug: string; version: string | number }) {
	authorize(opts.actor, 'kb.write', { type: 'knowledge', organizerId: opts.organizerId });
	const number = typeof opts.version === 'number' ? opts.version : /^\d{1,9}$/.test(opts.version) ? Number(opts.version) : NaN;
	const article = Number.isInteger(number) ? await findOwnArticle(db, opts.organizerId, opts.slug) : null;
	if (!article) throw new AppError('NOT_FOUND', 'article');
	const [row] = await db
		.select()
		.from(kbArticleVersions)
		.where(and(eq(kbArticleVersions.articleId, article.id), eq(kbArticleVersions.version, number)));
	if (!row) throw new AppError('NOT_FOUND', 'version');
	const names = await shownNamesById(db, { ...opts, personIds: [row.changedBy], via: 'knowledge' });
	return {
		article: { slug: article.slug, title: article.title, version: article.version },
		version: {
			version: row.version,
			title: row.title,
			body: row.body,
			createdAt: row.createdAt,
			changedBy: row.changedBy ? (names.get(row.changedBy) ?? null) : null
		}
	};
}
