// Covers: importArticles, exportArticleFiles, exportArticles, articleToFile, writeZip, readZip.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin } from '../../../../../tests/factories';
import { auditEvents, kbArticles, kbArticleVersions, searchDocuments, supportCategories } from '../../db/schema';
import { swedishSortKey } from '../../../sort-key';
import { importArticles } from './import-articles';
import { exportArticleFiles, exportArticles } from '../export/export-articles';
import { readZip } from '../export/zip';

const t = useTestDatabase();

const articlesOf = (organizerId: string) => t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, organizerId));

async function withCategory(name = 'Konto och inloggning', chain = 'technical') {
	const admin = await buildOrgAdmin(t.db);
	const [category] = await t.db
		.insert(supportCategories)
		.values({ organizerId: admin.organizer.id, chain, name, nameSort: swedishSortKey(name) })
		.returning();
	return { ...admin, category };
}

const passwordFile = (title = 'Byta lösenord', body = 'Gå till **Mitt konto** och välj *Byt lösenord*.') => ({
	name: 'byta-losenord.md',
	text: `---\ntitle: ${title}\ncategory: konto och inloggning\ntags: [lösenord, inloggning]\nreview: 2027-06-01\n---\n\n${body}\n`
});
const filmFile = {
	name: 'film-projektor.md',
	text: '---\ntitle: Koppla in projektorn\nkind: film\nchain: technical\naudience: everyone\npublic: true\nlink: https://film.example/projektor\nstatus: draft\n---\nSe filmen.\n'
};

describe('importing article files', () => {
	it('creates the articles with a first version, the category by name, in the search index, audited once', async () => {
		const { organizer, actor, category } = await withCategory();
		const out = await importArticles(t.db, { actor, organizerId: organizer.id, files: [passwordFile(), filmFile] });
		expect(out).toEqual({ ok: true, created: 2, updated: 0, unchanged: 0 });
		const rows = await articlesOf(organizer.id);
		const pw = rows.find((r) => r.slug === 'byta-losenord')!;
		expect(pw).toMatchObject({
			title: 'Byta lösenord',
			categoryId: category.id,
			tags: ['lösenord', 'inloggning'],
			status: 'published',
			reviewOn: '2027-06-01',
			ownerId: actor.personId,
			version: 1
		});
		expect(pw.publishedAt).not.toBeNull();
		expect(rows.find((r) => r.slug === 'film-projektor')).toMatchObject({
			kind: 'film',
			status: 'draft',
			isPublic: true,
			publishedAt: null
		});
		expect(await t.db.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, pw.id))).toHaveLength(1);
		const indexed = await t.db.select().from(searchDocuments).where(eq(searchDocuments.organizerId, organizer.id));
		expect(indexed).toHaveLength(2);
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.action, 'kb.import')));
		expect(audit.map((a) => a.changes)).toEqual([{ created: 2, updated: 0, unchanged: 0, files: 2 }]);
	});

	it('updates by file name on a second import: a new version only for what changed, never a duplicate', async () => {
		const { organizer, actor } = await withCategory();
		await importArticles(t.db, { actor, organizerId: organizer.id, files: [passwordFile(), filmFile] });
		const out = await importArticles(t.db, {
			actor,
			organizerId: organizer.id,
			files: [passwordFile('Byta lösenord i lärplattformen'), filmFile]
		});
		expect(out).toEqual({ ok: true, created: 0, updated: 1, unchanged: 1 });
		const rows = await articlesOf(organizer.id);
		expect(rows).toHaveLength(2);
		const pw = rows.find((r) => r.slug === 'byta-losenord')!;
		expect(pw).toMatchObject({ title: 'Byta lösenord i lärplattformen', version: 2 });
		const versions = await t.db.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, pw.id));
		expect(versions.map((v) => [v.version, v.title]).sort()).toEqual([
			[1, 'Byta lösenord'],
			[2, 'Byta lösenord i lärplattformen']
		]);
		expect(rows.find((r) => r.slug === 'film-projektor')!.version).toBe(1);
	});

	it('writes nothing when one file has a broken front matter line, and reports it by file and line', async () => {
		const { organizer, actor } = await withCategory();
		const broken = { name: 'trasig.md', text: '---\ntitle: Skrivaren\nkind: faq\naudience: [staff\n---\nText.\n' };
		const badValue = { name: 'fel-typ.md', text: '---\ntitle: Fel\n\nkind: podcast\n---\nText.\n' };
		const out = await importArticles(t.db, { actor, organizerId: organizer.id, files: [passwordFile(), broken, badValue] });
		expect(out.ok).toBe(false);
		if (out.ok) return;
		expect(out.problems.find((p) => p.file === 'trasig.md')).toMatchObject({ code: 'bad_yaml' });
		expect(out.problems.find((p) => p.file === 'trasig.md')!.line).toBeGreaterThanOrEqual(4);
		expect(out.problems).toContainEqual({ file: 'fel-typ.md', line: 4, code: 'bad_value', field: 'kind' });
		expect(await articlesOf(organizer.id)).toEqual([]);
		expect(await t.db.select().from(auditEvents).where(eq(auditEvents.organizerId, organizer.id))).toEqual([]);
	});

	it('reports a category the organizer does not have on its line, and two files with the same name', async () => {
		const { organizer, actor } = await withCategory();
		const unknown = { name: 'skrivare.md', text: '---\ntitle: Skrivaren\ntags: [skrivare]\ncategory: Skrivare\n---\nText.\n' };
		const out = await importArticles(t.db, {
			actor,
			organizerId: organizer.id,
			files: [unknown, passwordFile(), { ...passwordFile(), name: 'mapp/byta-losenord.md' }]
		});
		expect(out).toEqual({
			ok: false,
			problems: [
				{ file: 'skrivare.md', line: 4, code: 'unknown_category', field: 'category' },
				{ file: 'mapp/byta-losenord.md', line: 1, code: 'duplicate_file' }
			]
		});
		expect(await articlesOf(organizer.id)).toEqual([]);
	});

	it('is refused to those who do not manage the knowledge base, and leaves another organizer alone', async () => {
		const { organizer, actor } = await withCategory();
		const key = await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId: organizer.id }]);
		const err = await importArticles(t.db, { actor: key, organizerId: organizer.id, files: [filmFile] }).catch((e) => e);
		expect(err.code).toBe('FORBIDDEN');
		const other = await withCategory();
		await buildArticle(t.db, { organizerId: other.organizer.id, slug: 'film-projektor', title: 'Deras film' });
		const err2 = await importArticles(t.db, { actor, organizerId: other.organizer.id, files: [filmFile] }).catch((e) => e);
		expect(err2.code).toBe('FORBIDDEN');
		await importArticles(t.db, { actor, organizerId: organizer.id, files: [filmFile] });
		expect((await articlesOf(other.organizer.id)).map((a) => [a.slug, a.title])).toEqual([['film-projektor', 'Deras film']]);
		expect((await articlesOf(organizer.id)).map((a) => a.title)).toEqual(['Koppla in projektorn']);
	});
});

describe('exporting articles', () => {
	it('gives files that import back to the same articles, nothing changed', async () => {
		const { organizer, actor } = await withCategory();
		await importArticles(t.db, { actor, organizerId: organizer.id, files: [passwordFile(), filmFile] });
		await buildArticle(t.db, {
			organizerId: organizer.id,
			slug: 'citat',
			title: 'Svar: "ja" – #1',
			body: '  ---\nInte front matter.\n',
			tags: ['a: b', 'true'],
			audience: 'guardians'
		});
		await buildArticle(t.db, { organizerId: organizer.id, slug: 'arkiverad', archivedAt: new Date() });
		const files = await exportArticleFiles(t.db, { actor, organizerId: organizer.id });
		expect(files.map((f) => f.name)).toEqual(['byta-losenord.md', 'citat.md', 'film-projektor.md']);
		const before = await articlesOf(organizer.id);
		expect(await importArticles(t.db, { actor, organizerId: organizer.id, files })).toEqual({
			ok: true,
			created: 0,
			updated: 1,
			unchanged: 2
		});
		// The factory's body was not trimmed as an imported one is; after one round the export is stable.
		const again = await exportArticleFiles(t.db, { actor, organizerId: organizer.id });
		expect(again).toEqual(files);
		expect(await importArticles(t.db, { actor, organizerId: organizer.id, files: again })).toEqual({
			ok: true,
			created: 0,
			updated: 0,
			unchanged: 3
		});
		const after = await articlesOf(organizer.id);
		const pick = (rows: typeof before) =>
			rows
				.filter((r) => r.slug !== 'citat')
				.map(({ updatedAt: _u, ...r }) => r)
				.sort((a, b) => a.slug.localeCompare(b.slug));
		expect(pick(after)).toEqual(pick(before));
		expect(after.find((r) => r.slug === 'citat')).toMatchObject({
			title: 'Svar: "ja" – #1',
			tags: ['a: b', 'true'],
			audience: 'guardians'
		});
	});

	it('packs the files in a zip that reads back, audited; refused to a key person', async () => {
		const { organizer, actor } = await withCategory();
		await importArticles(t.db, { actor, organizerId: organizer.id, files: [passwordFile(), filmFile] });
		const { zip, count } = await exportArticles(t.db, { actor, organizerId: organizer.id });
		expect(count).toBe(2);
		const entries = readZip(zip);
		expect(entries.map((e) => e.name)).toEqual(['byta-losenord.md', 'film-projektor.md']);
		expect(entries[0].data.toString('utf8')).toContain('title: Byta lösenord');
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.action, 'kb.export')));
		expect(audit).toHaveLength(1);
		const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id }]);
		expect((await exportArticles(t.db, { actor: key, organizerId: organizer.id }).catch((e) => e)).code).toBe('FORBIDDEN');
	});
});
