import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { kbArticles, kbArticleVersions, supportCategories } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { authorize, type Actor } from '../../policies';
import { indexArticle } from '../articles/index-article';
import { parseArticleFile, type ArticleFileProblem, type ParsedArticle } from './parse-article-file';

/** One uploaded or read file: its name (the article's key) and its text. */
export type ArticleFile = { name: string; text: string };

/** A problem with one file, on one line; the parser's codes plus what only the organizer's data can tell. */
export type ImportProblem = Omit<ArticleFileProblem, 'code'> & {
	code: ArticleFileProblem['code'] | 'unknown_category' | 'duplicate_file';
};

/** An import by no person (the command line, the demo): recorded in the audit log as the system, with a note. */
export type SystemImport = { system: 'command_line' | 'demo' };

export type ImportOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; problems: ImportProblem[] };

type CategoryRow = { id: string; name: string; chain: string; archived: boolean };

/** The line a front matter field starts on (1-based), for problems the parser cannot see. */
function fieldLine(text: string, field: string): number {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const i = lines.findIndex((l, n) => n > 0 && new RegExp(`^${field}\\s*:`).test(l));
	return i < 0 ? 1 : i + 1;
}

/** The category an article names: same name (case and spacing aside), its own chain first, an active one first. */
function findCategory(categories: CategoryRow[], article: ParsedArticle): CategoryRow | null {
	const name = article.categoryName!.trim().toLocaleLowerCase('sv');
	const same = categories.filter((c) => c.name.trim().toLocaleLowerCase('sv') === name);
	const score = (c: CategoryRow) => (article.chain && c.chain === article.chain ? 0 : 2) + (c.archived ? 1 : 0);
	return same.sort((a, b) => score(a) - score(b))[0] ?? null;
}

/** The fields an import sets; an article whose stored fields equal these is unchanged. */
function fieldsOf(a: ParsedArticle, categoryId: string | null) {
	return {
		title: a.title,
		body: a.body,
		kind: a.kind,
		chain: a.chain,
		categoryId,
		audience: a.audience,
		tags: a.tags,
		status: a.status,
		isPublic: a.isPublic,
		linkUrl: a.linkUrl,
		reviewOn: a.reviewOn
	};
}
type Fields = ReturnType<typeof fieldsOf>;
const same = (row: Record<keyof Fields, unknown>, next: Fields) =>
	(Object.keys(next) as (keyof Fields)[]).every((k) => JSON.stringify(row[k] ?? null) === JSON.stringify(next[k] ?? null));

/**
 * Imports a folder of article files (docs/knowledge-format.md) into the organizer's knowledge base. Every file is
 * checked first; if any has a problem nothing is written and every problem is returned, by file and line.
 * Otherwise, in one transaction: new file names become articles (owned by the importer), known ones update the
 * article with that slug (a new version only when something changed; an archived one comes back), each is put in
 * the search index, and one audit event records the counts.
 */
export async function importArticles(
	db: Db,
	{ actor, organizerId, files }: { actor: Actor | SystemImport; organizerId: string; files: ArticleFile[] }
): Promise<ImportOutcome> {
	const person = 'system' in actor ? null : actor;
	if (person) authorize(person, 'kb.manage', { type: 'knowledge', organizerId });

	const categories: CategoryRow[] = (
		await db
			.select({
				id: supportCategories.id,
				name: supportCategories.name,
				chain: supportCategories.chain,
				archivedAt: supportCategories.archivedAt
			})
			.from(supportCategories)
			.where(eq(supportCategories.organizerId, organizerId))
	).map((c) => ({ id: c.id, name: c.name, chain: c.chain, archived: c.archivedAt !== null }));

	const problems: ImportProblem[] = [];
	const parsed: { article: ParsedArticle; category: CategoryRow | null }[] = [];
	const seen = new Map<string, string>();
	for (const file of files) {
		// macOS zips file names decomposed (a + ring): the same name must give the same key.
		const name = file.name.normalize('NFC');
		const result = parseArticleFile(name, file.text);
		if (!result.ok) {
			problems.push(...result.problems);
			continue;
		}
		const { article } = result;
		const key = article.slug.toLocaleLowerCase('sv');
		if (seen.has(key)) {
			problems.push({ file: name, line: 1, code: 'duplicate_file' });
			continue;
		}
		seen.set(key, name);
		const category = article.categoryName ? findCategory(categories, article) : null;
		if (article.categoryName && !category) {
			problems.push({ file: name, line: fieldLine(file.text, 'category'), code: 'unknown_category', field: 'category' });
			continue;
		}
		parsed.push({ article, category });
	}
	if (problems.length > 0) return { ok: false, problems };

	return db.transaction(async (tx) => {
		const counts = { created: 0, updated: 0, unchanged: 0 };
		const now = new Date();
		for (const { article, category } of parsed) {
			const next = fieldsOf(article, category?.id ?? null);
			const [existing] = await tx
				.select()
				.from(kbArticles)
				.where(and(eq(kbArticles.organizerId, organizerId), eq(kbArticles.slug, article.slug)))
				.for('update');
			let saved: typeof kbArticles.$inferSelect;
			if (!existing) {
				const [row] = await tx
					.insert(kbArticles)
					.values({
						organizerId,
						slug: article.slug,
						...next,
						ownerId: person?.personId ?? null,
						publishedAt: next.status === 'published' ? now : null
					})
					.returning();
				saved = row;
				await tx
					.insert(kbArticleVersions)
					.values({ articleId: row.id, version: 1, title: next.title, body: next.body, changedBy: person?.personId ?? null });
				counts.created++;
			} else if (same(existing, next) && existing.archivedAt === null) {
				counts.unchanged++;
				continue;
			} else {
				const version = existing.version + 1;
				[saved] = await tx
					.update(kbArticles)
					.set({
						...next,
						version,
						archivedAt: null,
						publishedAt: next.status === 'published' ? (existing.publishedAt ?? now) : existing.publishedAt,
						updatedAt: now
					})
					.where(eq(kbArticles.id, existing.id))
					.returning();
				await tx
					.insert(kbArticleVersions)
					.values({ articleId: existing.id, version, title: next.title, body: next.body, changedBy: person?.personId ?? null });
				counts.updated++;
			}
			await indexArticle(tx, saved, category?.name ?? null);
		}
		await recordAudit(tx, {
			organizerId,
			actorId: person?.personId ?? null,
			action: 'kb.import',
			entityType: 'organizer',
			entityId: organizerId,
			changes: {
				...counts,
				files: files.length,
				...('system' in actor ? { source: actor.system === 'demo' ? 'demo' : 'kb:import (command line)' } : {})
			}
		});
		return { ok: true as const, ...counts };
	});
}
