import { and, asc, eq, isNull } from 'drizzle-orm';
import { stringify } from 'yaml';
import type { Db } from '../../db';
import { kbArticles, supportCategories } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import type { ArticleFile } from '../import/import-articles';
import { writeZip } from './zip';

type ArticleRow = typeof kbArticles.$inferSelect;

/** One article as a file in the import format (docs/knowledge-format.md); importing it gives back the same article. */
export function articleToFile(a: ArticleRow, categoryName: string | null): ArticleFile {
	// Only what differs from the format's defaults, in the documented order.
	const front: Record<string, unknown> = { title: a.title };
	if (a.kind !== 'faq') front.kind = a.kind;
	if (a.chain) front.chain = a.chain;
	if (categoryName) front.category = categoryName;
	if (a.audience !== 'staff') front.audience = a.audience;
	if (a.tags.length) front.tags = a.tags;
	if (a.status !== 'published') front.status = a.status;
	if (a.isPublic) front.public = true;
	if (a.linkUrl) front.link = a.linkUrl;
	if (a.reviewOn) front.review = a.reviewOn;
	const yaml = stringify(front, { lineWidth: 0, defaultStringType: 'PLAIN', collectionStyle: 'flow' });
	return { name: `${a.slug}.md`, text: `---\n${yaml}---\n\n${a.body.trim()}\n` };
}

/** The organizer's articles that are not archived, as files, by slug. */
export async function exportArticleFiles(db: Db, { actor, organizerId }: { actor: Actor; organizerId: string }): Promise<ArticleFile[]> {
	authorize(actor, 'kb.manage', { type: 'knowledge', organizerId });
	const rows = await db
		.select({ article: kbArticles, categoryName: supportCategories.name })
		.from(kbArticles)
		.leftJoin(supportCategories, eq(supportCategories.id, kbArticles.categoryId))
		.where(and(eq(kbArticles.organizerId, organizerId), isNull(kbArticles.archivedAt)))
		.orderBy(asc(kbArticles.slug));
	return rows.map((r) => articleToFile(r.article, r.categoryName));
}

/**
 * The organizer's knowledge base as a .zip of Markdown files, for moving it elsewhere or editing it in bulk and
 * importing it again. An export lets a whole base leave the organizer, so it is recorded in the audit log.
 */
export async function exportArticles(db: Db, opts: { actor: Actor; organizerId: string }): Promise<{ zip: Buffer; count: number }> {
	const files = await exportArticleFiles(db, opts);
	await recordAudit(db, {
		organizerId: opts.organizerId,
		actorId: opts.actor.personId,
		action: 'kb.export',
		entityType: 'organizer',
		entityId: opts.organizerId,
		changes: { articles: files.length }
	});
	return { zip: writeZip(files.map((f) => ({ name: f.name, data: Buffer.from(f.text, 'utf8') }))), count: files.length };
}
