import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleFiles } from '../../db/schema';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { isUuid } from '../../ids';
import { getArticle } from './get-article';

/** One file of an article the actor reads (see getArticle); NOT_FOUND otherwise. */
export async function getArticleFile(db: Db, opts: { actor: Actor; organizerId: string; slug: string; fileId: string }) {
	const { article } = await getArticle(db, opts);
	if (!isUuid(opts.fileId)) throw new AppError('NOT_FOUND', 'file');
	const [file] = await db
		.select()
		.from(kbArticleFiles)
		.where(and(eq(kbArticleFiles.id, opts.fileId), eq(kbArticleFiles.articleId, article.id)));
	if (!file) throw new AppError('NOT_FOUND', 'file');
	return file;
}
