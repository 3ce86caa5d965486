import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, kbArticleVersions } from '../../db/schema';
import { diffFields, recordAudit } from '../../audit/record-audit';
import { AppError, conflict, invalid } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { articleColumns, parseArticleInput, type ArticleInput } from './article-input';
import { checkArticleRefs } from './check-article-refs';
import { indexArticle } from './index-article';
import { findOwnArticle } from './queries';

const FIELDS = [
	'title',
	'body',
	'kind',
	'chain',
	'categoryId',
	'audience',
	'tags',
	'linkUrl',
	'status',
	'reviewOn',
	'ownerId',
	'isPublic',
	'shared'
] as const;

/**
 * Changes one of the organizer's articles. Writers (kb.write) change drafts; a published article, publishing and
 * taking back to draft, and the public and shared boxes take kb.publish. A new title or text is a new version
 * (kept in the history); other changes are audited only. `expectedVersion` (the version the form was opened
 * on) refuses to overwrite someone else's newer save. The slug stays: it is the article's key in imports.
 * Reindexed and audited in the same transaction; nothing is written when nothing changed.
 */
export async function updateArticle(
	db: Db,
	opts: { actor: Actor; organizerId: string; slug: string; input: ArticleInput; expectedVersion?: number }
) {
	const resource = { type: 'knowledge' as const, organizerId: opts.organizerId };
	authorize(opts.actor, 'kb.write', resource);
	const current = await findOwnArticle(db, opts.organizerId, opts.slug);
	if (!current) throw new AppError('NOT_FOUND', 'article');
	const publisher = can(opts.actor, 'kb.publish', resource);
	if (current.status === 'published' && !publisher) throw new AppError('FORBIDDEN', 'kb.publish');
	const input = parseArticleInput(opts.input);
	if (input.status === 'published' && !publisher) throw invalid('status', 'kb_error_publish_not_allowed');
	const refs = await checkArticleRefs(db, { organizerId: opts.organizerId, input });

	return db.transaction(async (tx) => {
		const before = await findOwnArticle(tx, opts.organizerId, opts.slug, true);
		if (!before) throw new AppError('NOT_FOUND', 'article');
		if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version) throw conflict('body', 'kb_error_changed_meanwhile');
		const after = {
			...before,
			...articleColumns(input),
			categoryId: refs.categoryId,
			ownerId: refs.ownerId ?? before.ownerId,
			isPublic: publisher ? input.isPublic : before.isPublic,
			shared: publisher ? input.shared : before.shared
		};
		const changes = diffFields(before, after, [...FIELDS]);
		if (!Object.keys(changes).length) return { row: before, changed: false };
		const newText = 'title' in changes || 'body' in changes;
		const version = newText ? before.version + 1 : before.version;
		const publishedAt = after.status === 'published' && before.status !== 'published' ? new Date() : before.publishedAt;
		const { id: _id, organizerId: _o, createdAt: _c, ...columns } = after;
		const [row] = await tx
			.update(kbArticles)
			.set({ ...columns, version, publishedAt, updatedAt: new Date() })
			.where(eq(kbArticles.id, before.id))
			.returning();
		if (newText)
			await tx
				.insert(kbArticleVersions)
				.values({ articleId: row.id, version, title: row.title, body: row.body, changedBy: opts.actor.personId });
		await indexArticle(tx, row, refs.categoryName);
		// The text itself is in the versions; the log says that it changed.
		if (changes.body) changes.body = ['…', '…'];
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.update',
			entityType: 'kb_article',
			entityId: row.id,
			changes: newText ? { ...changes, version: [before.version, version] } : changes
		});
		return { row, changed: true };
	});
}
