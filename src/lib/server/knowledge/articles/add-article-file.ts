import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleFiles } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid } from '../../errors';
import type { Actor } from '../../policies';
import { checkAttachments, type IncomingFile } from '../../support/tickets/check-attachment';
import { editableArticle, MAX_ARTICLE_FILES } from './article-files';

/**
 * Attaches a file (a cheat sheet as PDF, or a picture) to an article. The same checks as a case's attachments:
 * the bytes must prove PNG, JPEG, WebP or PDF, at most 2 MB; the name gets the extension of what was proved.
 * INVALID beside the `file` field otherwise, nothing written. Audited.
 */
export async function addArticleFile(db: Db, opts: { actor: Actor; organizerId: string; slug: string; file: IncomingFile | null }) {
	const article = await editableArticle(db, opts);
	const [checked] = checkAttachments(opts.file ? [opts.file] : [], 'file');
	if (!checked) throw invalid('file', 'kb_error_file_missing');
	return db.transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: count() }).from(kbArticleFiles).where(eq(kbArticleFiles.articleId, article.id));
		if (n >= MAX_ARTICLE_FILES) throw invalid('file', 'kb_error_file_count');
		const [row] = await tx
			.insert(kbArticleFiles)
			.values({
				articleId: article.id,
				fileName: checked.fileName,
				contentType: checked.contentType,
				size: checked.sizeBytes,
				content: checked.data
			})
			.returning({ id: kbArticleFiles.id, fileName: kbArticleFiles.fileName });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.add_file',
			entityType: 'kb_article',
			entityId: article.id,
			changes: { file: [null, checked.fileName], size: [null, checked.sizeBytes] }
		});
		return row;
	});
}
