import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleFiles } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import type { Actor } from '../../policies';
import { isUuid } from '../../ids';
import { editableArticle } from './article-files';

/** Removes a file from an article (as adding: kb.write for drafts, kb.publish for published). Audited. */
export async function removeArticleFile(db: Db, opts: { actor: Actor; organizerId: string; slug: string; fileId: string }) {
	const article = await editableArticle(db, opts);
	if (!isUuid(opts.fileId)) throw new AppError('NOT_FOUND', 'file');
	return db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(kbArticleFiles)
			.where(and(eq(kbArticleFiles.id, opts.fileId), eq(kbArticleFiles.articleId, article.id)))
			.returning({ fileName: kbArticleFiles.fileName });
		if (!gone) throw new AppError('NOT_FOUND', 'file');
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.remove_file',
			entityType: 'kb_article',
			entityId: article.id,
			changes: { file: [gone.fileName, null] }
		});
	});
}
