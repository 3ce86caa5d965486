// Covers: createArticle, updateArticle, archiveArticle, listArticleVersions, getArticleVersion.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildOrganizer, buildOrgAdmin, buildUnit } from '../../../../../tests/factories';
import { auditEvents, kbArticles, searchDocuments, supportCategories } from '../../db/schema';
import { swedishSortKey } from '$lib/sort-key';
import type { ArticleInput } from './article-input';
import { createArticle } from './create-article';
import { updateArticle } from './update-article';
import { archiveArticle } from './archive-article';
import { findArticles } from './find-articles';
import { getArticle } from './get-article';
import { listArticleVersions } from './list-article-versions';
import { getArticleVersion } from './get-article-version';

const t = useTestDatabase();

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const keyPerson = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	return { organizerId: organizer.id, admin, keyPerson, staff };
}
const draft = (o: Partial<ArticleInput> = {}): ArticleInput => ({
	title: 'Byt lösenord i lärplattformen',
	body: 'Gå till **Mitt konto** och välj Byt lösenord.',
	kind: 'faq',
	audience: 'staff',
	status: 'draft',
	...o
});
const codeOf = async (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string; issues?: unknown }) => ({ code: e.code, issues: e.issues })
	);
const auditOf = (id: string) => t.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));

describe('writing an article', () => {
	it('lets a key person write a draft: version 1, a slug from the title, indexed and audited', async () => {
		const { organizerId, keyPerson } = await setUp();
		const row = await createArticle(t.db, { actor: keyPerson, organizerId, input: draft({ tags: 'lösenord, konto, lösenord' }) });
		expect(row).toMatchObject({
			slug: 'byt-losenord-i-larplattformen',
			version: 1,
			status: 'draft',
			ownerId: keyPerson.personId,
			tags: ['lösenord', 'konto']
		});
		expect(row.publishedAt).toBeNull();
		const again = await createArticle(t.db, { actor: keyPerson, organizerId, input: draft() });
		expect(again.slug).toBe('byt-losenord-i-larplattformen-2');
		const versions = await listArticleVersions(t.db, { actor: keyPerson, organizerId, slug: row.slug });
		expect(versions.versions.map((v) => [v.version, v.title])).toEqual([[1, 'Byt lösenord i lärplattformen']]);
		const indexed = await t.db
			.select()
			.from(searchDocuments)
			.where(and(eq(searchDocuments.kind, 'article'), eq(searchDocuments.sourceId, row.id)));
		expect(indexed).toHaveLength(1);
		expect((await auditOf(row.id)).map((a) => a.action)).toEqual(['kb_article.create']);
	});

	it('refuses publishing to a key person beside the status field, and writing at all to staff', async () => {
		const { organizerId, keyPerson, staff } = await setUp();
		expect(await codeOf(createArticle(t.db, { actor: keyPerson, organizerId, input: draft({ status: 'published' }) }))).toEqual({
			code: 'INVALID',
			issues: [{ field: 'status', message: 'kb_error_publish_not_allowed' }]
		});
		expect(await codeOf(createArticle(t.db, { actor: staff, organizerId, input: draft() }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, organizerId))).toEqual([]);
	});

	it('reports bad input beside each field and writes nothing', async () => {
		const { organizerId, admin } = await setUp();
		const other = await buildOrganizer(t.db);
		const [foreign] = await t.db
			.insert(supportCategories)
			.values({ organizerId: other.id, chain: 'technical', name: 'Konto', nameSort: swedishSortKey('Konto') })
			.returning();
		const result = await codeOf(
			createArticle(t.db, {
				actor: admin,
				organizerId,
				input: draft({ title: ' ', body: '', kind: 'film', linkUrl: 'javascript:alert(1)', slug: 'Inte OK', categoryId: foreign.id })
			})
		);
		expect(result).toMatchObject({ code: 'INVALID' });
		const fields = (result as { issues: { field: string; message: string }[] }).issues.map((i) => `${i.field}:${i.message}`);
		expect(fields).toEqual(
			expect.arrayContaining(['title:kb_error_title', 'body:kb_error_body', 'linkUrl:kb_error_link', 'slug:kb_error_slug'])
		);
		expect(await codeOf(createArticle(t.db, { actor: admin, organizerId, input: draft({ categoryId: foreign.id }) }))).toEqual({
			code: 'INVALID',
			issues: [{ field: 'categoryId', message: 'kb_error_category' }]
		});
		expect(await codeOf(createArticle(t.db, { actor: admin, organizerId, input: draft({ kind: 'film', linkUrl: '' }) }))).toMatchObject({
			issues: [{ field: 'linkUrl', message: 'kb_error_film_link' }]
		});
		expect(await codeOf(createArticle(t.db, { actor: admin, organizerId, input: draft({ slug: 'ny' }) }))).toMatchObject({
			issues: [{ field: 'slug', message: 'kb_error_slug_reserved' }]
		});
		expect(await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, organizerId))).toEqual([]);
	});

	it('refuses a slug already taken beside the field', async () => {
		const { organizerId, admin } = await setUp();
		await createArticle(t.db, { actor: admin, organizerId, input: draft({ slug: 'wifi' }) });
		expect(await codeOf(createArticle(t.db, { actor: admin, organizerId, input: draft({ slug: 'wifi' }) }))).toEqual({
			code: 'CONFLICT',
			issues: [{ field: 'slug', message: 'kb_error_slug_taken' }]
		});
	});

	it('lets only a publisher tick public and shared', async () => {
		const { organizerId, admin, keyPerson } = await setUp();
		const mine = await createArticle(t.db, { actor: keyPerson, organizerId, input: draft({ isPublic: 'on', shared: 'on' }) });
		expect(mine).toMatchObject({ isPublic: false, shared: false });
		const theirs = await createArticle(t.db, {
			actor: admin,
			organizerId,
			input: draft({ status: 'published', isPublic: 'on', shared: 'on' })
		});
		expect(theirs).toMatchObject({ isPublic: true, shared: true, status: 'published' });
		expect(theirs.publishedAt).toBeInstanceOf(Date);
	});
});

describe('changing an article', () => {
	it('keeps each new text as a version, reindexes it and audits what changed', async () => {
		const { organizerId, admin } = await setUp();
		const row = await createArticle(t.db, { actor: admin, organizerId, input: draft({ body: 'Skrivaren heter Kontorsskrivaren.' }) });
		const { row: v2 } = await updateArticle(t.db, {
			actor: admin,
			organizerId,
			slug: row.slug,
			expectedVersion: 1,
			input: draft({ body: 'Projektorn i aulan startas med fjärrkontrollen.', status: 'published' })
		});
		expect(v2).toMatchObject({ version: 2, status: 'published' });
		expect(v2.publishedAt).toBeInstanceOf(Date);
		// Metadata alone: audited, no new version.
		const { row: same } = await updateArticle(t.db, {
			actor: admin,
			organizerId,
			slug: row.slug,
			input: draft({ body: 'Projektorn i aulan startas med fjärrkontrollen.', status: 'published', audience: 'everyone' })
		});
		expect(same).toMatchObject({ version: 2, audience: 'everyone' });
		const nothing = await updateArticle(t.db, {
			actor: admin,
			organizerId,
			slug: row.slug,
			input: draft({ body: 'Projektorn i aulan startas med fjärrkontrollen.', status: 'published', audience: 'everyone' })
		});
		expect(nothing.changed).toBe(false);

		const history = await listArticleVersions(t.db, { actor: admin, organizerId, slug: row.slug });
		expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
		const old = await getArticleVersion(t.db, { actor: admin, organizerId, slug: row.slug, version: '1' });
		expect(old.version.body).toBe('Skrivaren heter Kontorsskrivaren.');
		const audit = await auditOf(row.id);
		expect(audit.map((a) => a.action)).toEqual(['kb_article.create', 'kb_article.update', 'kb_article.update']);
		expect(audit[1].changes).toMatchObject({ status: ['draft', 'published'], version: [1, 2], body: ['…', '…'] });
		expect(audit[2].changes).toEqual({ audience: ['staff', 'everyone'] });

		const found = await findArticles(t.db, { actor: admin, organizerId, query: 'projektorn' });
		expect(found.items.map((i) => i.slug)).toEqual([row.slug]);
		expect((await findArticles(t.db, { actor: admin, organizerId, query: 'kontorsskrivaren' })).items).toEqual([]);
	});

	it('refuses to overwrite a newer save', async () => {
		const { organizerId, admin } = await setUp();
		const row = await createArticle(t.db, { actor: admin, organizerId, input: draft() });
		await updateArticle(t.db, { actor: admin, organizerId, slug: row.slug, expectedVersion: 1, input: draft({ body: 'Först.' }) });
		expect(
			await codeOf(updateArticle(t.db, { actor: admin, organizerId, slug: row.slug, expectedVersion: 1, input: draft({ body: 'Sen.' }) }))
		).toEqual({ code: 'CONFLICT', issues: [{ field: 'body', message: 'kb_error_changed_meanwhile' }] });
	});

	it('lets a key person change drafts but not published articles, nor publish', async () => {
		const { organizerId, admin, keyPerson } = await setUp();
		const mine = await createArticle(t.db, { actor: keyPerson, organizerId, input: draft() });
		const { row } = await updateArticle(t.db, { actor: keyPerson, organizerId, slug: mine.slug, input: draft({ body: 'Bättre text.' }) });
		expect(row.version).toBe(2);
		expect(
			await codeOf(updateArticle(t.db, { actor: keyPerson, organizerId, slug: mine.slug, input: draft({ status: 'published' }) }))
		).toMatchObject({
			code: 'INVALID'
		});
		const published = await createArticle(t.db, { actor: admin, organizerId, input: draft({ status: 'published', shared: 'on' }) });
		expect(await codeOf(updateArticle(t.db, { actor: keyPerson, organizerId, slug: published.slug, input: draft() }))).toMatchObject({
			code: 'FORBIDDEN'
		});
	});

	it('finds nothing for a malformed or unknown slug', async () => {
		const { organizerId, admin } = await setUp();
		for (const slug of ['../x', 'ÅÄÖ', 'finns-inte'])
			expect(await codeOf(updateArticle(t.db, { actor: admin, organizerId, slug, input: draft() }))).toMatchObject({ code: 'NOT_FOUND' });
		const row = await createArticle(t.db, { actor: admin, organizerId, input: draft() });
		for (const version of ['abc', '0', '7', '1.5'])
			expect(await codeOf(getArticleVersion(t.db, { actor: admin, organizerId, slug: row.slug, version }))).toMatchObject({
				code: 'NOT_FOUND'
			});
	});

	it('shows the history only to those who write', async () => {
		const { organizerId, admin, staff } = await setUp();
		const row = await createArticle(t.db, { actor: admin, organizerId, input: draft({ status: 'published' }) });
		expect(await codeOf(listArticleVersions(t.db, { actor: staff, organizerId, slug: row.slug }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await codeOf(getArticleVersion(t.db, { actor: staff, organizerId, slug: row.slug, version: 1 }))).toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});

describe('archiving an article', () => {
	it('takes it out of reading and search for everyone; only publishers may', async () => {
		const { organizerId, admin, keyPerson } = await setUp();
		const row = await createArticle(t.db, {
			actor: admin,
			organizerId,
			input: draft({ status: 'published', title: 'Skrivaren i personalrummet' })
		});
		expect(await codeOf(archiveArticle(t.db, { actor: keyPerson, organizerId, slug: row.slug }))).toMatchObject({ code: 'FORBIDDEN' });
		await archiveArticle(t.db, { actor: admin, organizerId, slug: row.slug });
		expect(await codeOf(getArticle(t.db, { actor: admin, organizerId, slug: row.slug }))).toMatchObject({ code: 'NOT_FOUND' });
		expect((await findArticles(t.db, { actor: admin, organizerId })).items).toEqual([]);
		expect(await t.db.select().from(searchDocuments).where(eq(searchDocuments.sourceId, row.id))).toEqual([]);
		expect((await auditOf(row.id)).map((a) => a.action)).toContain('kb_article.archive');
	});
});
