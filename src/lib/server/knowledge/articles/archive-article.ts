import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { removeDocument } from '../../search/index-document';
import { findOwnArticle } from './queries';

/**
 * Takes an article away (kb.publish): no one reads or finds it any more; its versions and votes stay, and its
 * slug stays taken, so a re-import does not bring it back under the same key unnoticed. Audited.
 */
export async function archiveArticle(db: Db, opts: { actor: Actor; organizerId: string; slug: string }) {
	authorize(opts.actor, 'kb.publish', { type: 'knowledge', organizerId: opts.organizerId });
	return db.transaction(async (tx) => {
		const before = await findOwnArticle(tx, opts.organizerId, opts.slug, true);
		if (!before) throw new AppError('NOT_FOUND', 'article');
		const archivedAt = new Date();
		const [row] = await tx.update(kbArticles).set({ archivedAt, updatedAt: archivedAt }).where(eq(kbArticles.id, before.id)).returning();
		await removeDocument(tx, 'article', row.id);
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.archive',
			entityType: 'kb_article',
			entityId: row.id,
			changes: { archivedAt: [null, archivedAt.toISOString()], title: [before.title, before.title] }
		});
		return row;
	});
}
