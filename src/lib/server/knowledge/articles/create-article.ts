import { and, eq, like, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, kbArticleVersions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, invalid } from '../../errors';
import { authorize, can, type Actor } from '../../policies';
import { articleColumns, parseArticleInput, slugFromTitle, type ArticleInput } from './article-input';
import { checkArticleRefs } from './check-article-refs';
import { indexArticle } from './index-article';

/** The first free slug of `base`, `base-2`, `base-3` … at the organizer. */
async function freeSlug(db: Db, organizerId: string, base: string): Promise<string> {
	const taken = new Set(
		(
			await db
				.select({ slug: kbArticles.slug })
				.from(kbArticles)
				.where(and(eq(kbArticles.organizerId, organizerId), or(eq(kbArticles.slug, base), like(kbArticles.slug, `${base}-%`))))
		).map((r) => r.slug)
	);
	let slug = base;
	for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
	return slug;
}

/**
 * Writes a new article (version 1). Those who write the knowledge base (kb.write) write drafts; publishing, and
 * the public and shared boxes, take kb.publish (the boxes are left unticked for others). Without a slug one is
 * made from the title; a slug already taken is refused beside the field. Indexed for search and audited in the
 * same transaction.
 */
export async function createArticle(db: Db, opts: { actor: Actor; organizerId: string; input: ArticleInput }) {
	const resource = { type: 'knowledge' as const, organizerId: opts.organizerId };
	authorize(opts.actor, 'kb.write', resource);
	const input = parseArticleInput(opts.input);
	const publisher = can(opts.actor, 'kb.publish', resource);
	if (input.status === 'published' && !publisher) throw invalid('status', 'kb_error_publish_not_allowed');
	const refs = await checkArticleRefs(db, { organizerId: opts.organizerId, input });

	return db.transaction(async (tx) => {
		let slug = input.slug;
		if (!slug) slug = await freeSlug(tx, opts.organizerId, slugFromTitle(input.title));
		else if (
			(
				await tx
					.select({ id: kbArticles.id })
					.from(kbArticles)
					.where(and(eq(kbArticles.organizerId, opts.organizerId), eq(kbArticles.slug, slug)))
			).length
		)
			throw conflict('slug', 'kb_error_slug_taken');
		const values = {
			...articleColumns(input),
			slug,
			categoryId: refs.categoryId,
			ownerId: refs.ownerId ?? opts.actor.personId,
			isPublic: publisher && input.isPublic,
			shared: publisher && input.shared,
			publishedAt: input.status === 'published' ? new Date() : null
		};
		const [row] = await tx
			.insert(kbArticles)
			.values({ ...values, organizerId: opts.organizerId, version: 1 })
			.returning();
		await tx
			.insert(kbArticleVersions)
			.values({ articleId: row.id, version: 1, title: row.title, body: row.body, changedBy: opts.actor.personId });
		await indexArticle(tx, row, refs.categoryName);
		const { body: _body, ...logged } = values;
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_article.create',
			entityType: 'kb_article',
			entityId: row.id,
			changes: { ...Object.fromEntries(Object.entries(logged).map(([k, v]) => [k, [null, v]])), version: [null, 1] }
		});
		return row;
	});
}
