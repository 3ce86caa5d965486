import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticleVotes } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import { getArticle } from './get-article';

/**
 * "Hjälpte detta?": the actor's yes or no on an article they read (kb.read; shared articles too). One vote per
 * person; voting again changes it. Audited when it changes.
 */
export async function voteOnArticle(db: Db, opts: { actor: Actor; organizerId: string; slug: string; helpful: boolean }) {
	authorize(opts.actor, 'kb.read', { type: 'knowledge', organizerId: opts.organizerId });
	const { article } = await getArticle(db, opts);
	return db.transaction(async (tx) => {
		const key = and(eq(kbArticleVotes.articleId, article.id), eq(kbArticleVotes.voterKey, opts.actor.personId));
		const [before] = await tx.select().from(kbArticleVotes).where(key).for('update');
		if (before?.helpful === opts.helpful) return { changed: false };
		if (before) await tx.update(kbArticleVotes).set({ helpful: opts.helpful, createdAt: new Date() }).where(key);
		else
			await tx
				.insert(kbArticleVotes)
				.values({ articleId: article.id, voterKey: opts.actor.personId, helpful: opts.helpful })
				.onConflictDoUpdate({ target: [kbArticleVotes.articleId, kbArticleVotes.voterKey], set: { helpful: opts.helpful } });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.vote',
			entityType: 'kb_article',
			entityId: article.id,
			changes: { helpful: [before?.helpful ?? null, opts.helpful] }
		});
		return { changed: true };
	});
}
