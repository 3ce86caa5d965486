// Covers: setPublicArticles, parseKnowledgeSettings, findPublicArticles, getPublicArticle, renderMarkdown (the shared renderer).
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin } from '../../../../../tests/factories';
import { auditEvents, organizers } from '../../db/schema';
import { setPublicArticles } from './knowledge-settings';
import { findPublicArticles, getPublicArticle } from './find-public-articles';

const t = useTestDatabase();
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok').catch((e) => e.code);

describe('public articles', () => {
	it('are not found while the organizer has not allowed them, and readable once it has', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await buildArticle(t.db, { organizerId: organizer.id, slug: 'wifi', title: 'Gästnätet', isPublic: true });
		const opts = { orgSlug: organizer.slug, slug: 'wifi' };
		expect(await codeOf(getPublicArticle(t.db, opts))).toBe('NOT_FOUND');
		expect(await codeOf(findPublicArticles(t.db, { orgSlug: organizer.slug }))).toBe('NOT_FOUND');
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: true });
		expect((await getPublicArticle(t.db, opts)).article).toMatchObject({ title: 'Gästnätet' });
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: false });
		expect(await codeOf(getPublicArticle(t.db, opts))).toBe('NOT_FOUND');
	});

	it('show only published, public, not archived articles, in Swedish order', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db, { settings: { support: { allowStudents: true } } });
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: true });
		const o = { organizerId: organizer.id };
		await buildArticle(t.db, { ...o, slug: 'o', title: 'Överföra filer', isPublic: true });
		await buildArticle(t.db, { ...o, slug: 'a', title: 'Ändra språk', isPublic: true });
		await buildArticle(t.db, { ...o, slug: 'z', title: 'Zoom', isPublic: true });
		await buildArticle(t.db, { ...o, slug: 'utkast', isPublic: true, status: 'draft', publishedAt: null });
		await buildArticle(t.db, { ...o, slug: 'intern', isPublic: false });
		await buildArticle(t.db, { ...o, slug: 'gammal', isPublic: true, archivedAt: new Date() });
		const { articles } = await findPublicArticles(t.db, { orgSlug: organizer.slug });
		expect(articles.map((a) => a.title)).toEqual(['Zoom', 'Ändra språk', 'Överföra filer']);
		for (const slug of ['utkast', 'intern', 'gammal', 'finns-inte', '../%00'])
			expect(await codeOf(getPublicArticle(t.db, { orgSlug: organizer.slug, slug }))).toBe('NOT_FOUND');
		expect(await codeOf(getPublicArticle(t.db, { orgSlug: 'finns-inte', slug: 'a' }))).toBe('NOT_FOUND');
		// The setting was added beside the support settings, not over them.
		const [org] = await t.db.select().from(organizers).where(eq(organizers.id, organizer.id));
		expect(org.settings).toMatchObject({ support: { allowStudents: true }, knowledge: { publicArticles: true } });
	});

	it('render Markdown with raw HTML and script links shown harmless', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: true });
		await buildArticle(t.db, {
			organizerId: organizer.id,
			slug: 'farlig',
			isPublic: true,
			body: '**Fet** <script>alert(1)</script> [klick](javascript:alert(1)) [bra](https://exempel.se)'
		});
		const { article } = await getPublicArticle(t.db, { orgSlug: organizer.slug, slug: 'farlig' });
		expect(article.html).toContain('<strong>Fet</strong>');
		expect(article.html).toContain('&lt;script&gt;');
		expect(article.html).not.toContain('<script>');
		expect(article.html).not.toContain('href="javascript:');
		expect(article.html).toContain('<a href="https://exempel.se" rel="noopener">bra</a>');
	});

	it('may be allowed only by those who manage the knowledge base, audited once per change', async () => {
		const { organizer, actor } = await buildOrgAdmin(t.db);
		const key = await buildActor(t.db, [{ role: 'technical_key_person', organizerId: organizer.id }]);
		expect(await codeOf(setPublicArticles(t.db, { actor: key, organizerId: organizer.id, allow: true }))).toBe('FORBIDDEN');
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: true });
		await setPublicArticles(t.db, { actor, organizerId: organizer.id, allow: true });
		const audit = await t.db
			.select()
			.from(auditEvents)
			.where(and(eq(auditEvents.organizerId, organizer.id), eq(auditEvents.action, 'kb.settings_update')));
		expect(audit.map((a) => a.changes)).toEqual([{ publicArticles: [false, true] }]);
	});
});
