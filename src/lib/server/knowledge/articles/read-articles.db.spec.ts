// Covers: findArticles, getArticle, voteOnArticle (audiences, drafts, organizers sharing through teams, search ranking, votes).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrgAdmin, buildTeam, buildUnit } from '../../../../../tests/factories';
import { auditEvents, supportCategories } from '../../db/schema';
import { swedishSortKey } from '$lib/sort-key';
import type { ArticleInput } from './article-input';
import { createArticle } from './create-article';
import { findArticles } from './find-articles';
import { updateArticle } from './update-article';
import { getArticle } from './get-article';
import { voteOnArticle } from './vote-on-article';

const t = useTestDatabase();

async function setUp() {
	const { organizer, actor: admin } = await buildOrgAdmin(t.db);
	const unit = await buildUnit(t.db, { organizerId: organizer.id });
	const staff = await buildActor(t.db, [{ role: 'staff', organizerId: organizer.id, unitId: unit.id }]);
	const student = await buildActor(t.db, [{ role: 'student', organizerId: organizer.id, unitId: unit.id }]);
	const keyPerson = await buildActor(t.db, [{ role: 'pedagogical_key_person', organizerId: organizer.id, unitId: unit.id }]);
	return { organizerId: organizer.id, admin, staff, student, keyPerson };
}
const slugs = (r: { items: { slug: string }[] }) => r.items.map((i) => i.slug).sort();
const codeOf = async (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e: { code?: string }) => e.code
	);

describe('who reads which article', () => {
	it('gives readers the published articles of their audiences, writers the drafts as well', async () => {
		const { organizerId, admin, staff, student, keyPerson } = await setUp();
		await buildArticle(t.db, { organizerId, slug: 'for-personal', audience: 'staff' });
		await buildArticle(t.db, { organizerId, slug: 'for-elever', audience: 'students' });
		await buildArticle(t.db, { organizerId, slug: 'for-alla', audience: 'everyone' });
		await buildArticle(t.db, { organizerId, slug: 'utkast', audience: 'everyone', status: 'draft', publishedAt: null });
		expect(slugs(await findArticles(t.db, { actor: staff, organizerId }))).toEqual(['for-alla', 'for-personal']);
		expect(slugs(await findArticles(t.db, { actor: student, organizerId }))).toEqual(['for-alla', 'for-elever']);
		expect(slugs(await findArticles(t.db, { actor: keyPerson, organizerId }))).toEqual([
			'for-alla',
			'for-elever',
			'for-personal',
			'utkast'
		]);
		expect(slugs(await findArticles(t.db, { actor: admin, organizerId }))).toHaveLength(4);

		expect(await codeOf(getArticle(t.db, { actor: staff, organizerId, slug: 'utkast' }))).toBe('NOT_FOUND');
		expect(await codeOf(getArticle(t.db, { actor: student, organizerId, slug: 'for-personal' }))).toBe('NOT_FOUND');
		expect(await codeOf(getArticle(t.db, { actor: staff, organizerId, slug: '<script>' }))).toBe('NOT_FOUND');
		const read = await getArticle(t.db, { actor: keyPerson, organizerId, slug: 'utkast' });
		expect(read).toMatchObject({ canEdit: true, canPublish: false, canSeeHistory: true, sharedBy: null });
		expect(await getArticle(t.db, { actor: staff, organizerId, slug: 'for-alla' })).toMatchObject({ canEdit: false, canSeeHistory: false });
	});

	it('never shows another organizer’s articles, unless it shares them through a team serving this one', async () => {
		const a = await setUp();
		const b = await setUp();
		await buildArticle(t.db, { organizerId: b.organizerId, slug: 'delad', shared: true, title: 'Delad artikel om wifi' });
		await buildArticle(t.db, { organizerId: b.organizerId, slug: 'egen', shared: false, title: 'Egen artikel om wifi' });
		await buildArticle(t.db, { organizerId: b.organizerId, slug: 'delat-utkast', shared: true, status: 'draft', publishedAt: null });
		await buildArticle(t.db, { organizerId: b.organizerId, slug: 'delad-for-elever', shared: true, audience: 'students' });

		expect(slugs(await findArticles(t.db, { actor: a.admin, organizerId: a.organizerId }))).toEqual([]);
		expect(slugs(await findArticles(t.db, { actor: a.admin, organizerId: a.organizerId, query: 'wifi' }))).toEqual([]);
		expect(await codeOf(getArticle(t.db, { actor: a.staff, organizerId: a.organizerId, slug: 'delad' }))).toBe('NOT_FOUND');

		// B's team serves A: A's readers get what B shares, published and for their audience.
		await buildTeam(t.db, { organizerId: b.organizerId, alsoServes: [a.organizerId] });
		const listed = await findArticles(t.db, { actor: a.staff, organizerId: a.organizerId });
		expect(slugs(listed)).toEqual(['delad']);
		expect(listed.items[0].sharedBy).not.toBeNull();
		expect(slugs(await findArticles(t.db, { actor: a.student, organizerId: a.organizerId }))).toEqual(['delad-for-elever']);
		expect(slugs(await findArticles(t.db, { actor: a.staff, organizerId: a.organizerId, query: 'wifi' }))).toEqual(['delad']);
		// Writers at A do not see B's drafts or unshared articles, and do not edit what B shares.
		expect(slugs(await findArticles(t.db, { actor: a.keyPerson, organizerId: a.organizerId }))).toEqual(['delad', 'delad-for-elever']);
		expect(await getArticle(t.db, { actor: a.admin, organizerId: a.organizerId, slug: 'delad' })).toMatchObject({
			canEdit: false,
			canSeeHistory: false
		});
		// The sharing goes one way: B does not read A's shared articles.
		await buildArticle(t.db, { organizerId: a.organizerId, slug: 'fran-a', shared: true });
		expect(slugs(await findArticles(t.db, { actor: b.staff, organizerId: b.organizerId }))).not.toContain('fran-a');
		// A reader of B's organizer cannot use A's address to read B's article through A.
		expect(await codeOf(findArticles(t.db, { actor: b.staff, organizerId: a.organizerId }))).toBe('FORBIDDEN');
	});
});

describe('searching and ordering', () => {
	it('ranks an article with the words in its title above one with them only in its text, with marked snippets', async () => {
		const { organizerId, staff } = await setUp();
		await buildArticle(t.db, {
			organizerId,
			slug: 'i-texten',
			title: 'Ljud i klassrummet',
			body: 'Om projektorn saknar ljud: kontrollera kabeln.'
		});
		await buildArticle(t.db, {
			organizerId,
			slug: 'i-rubriken',
			title: 'Projektorn visar ingen bild',
			body: 'Kontrollera kabeln och byt ingång.'
		});
		await buildArticle(t.db, { organizerId, slug: 'annat', title: 'Lösenord', body: 'Byt lösenord i portalen.' });
		const found = await findArticles(t.db, { actor: staff, organizerId, query: 'projektorn bild' });
		expect(found.searched).toBe(true);
		expect(found.items.map((i) => i.slug)).toEqual(['i-rubriken', 'i-texten']);
		const snippet = found.items[1].snippet!;
		expect(snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['projektorn']);
		expect(snippet.map((p) => p.text).join('')).toContain('kontrollera kabeln');
	});

	it('shows the snippet of the text as it is now after the article is edited, and lists without search carry none', async () => {
		const { organizerId, admin, staff } = await setUp();
		const input = (body: string): ArticleInput => ({
			title: 'Skrivaren i personalrummet',
			body,
			kind: 'faq',
			audience: 'staff',
			status: 'published'
		});
		const row = await createArticle(t.db, { actor: admin, organizerId, input: input('Skrivaren tar **bara** papper i A4.') });
		const before = await findArticles(t.db, { actor: staff, organizerId, query: 'skrivaren papper' });
		expect(before.items[0].snippet!.map((p) => p.text).join('')).toContain('tar bara papper i A4');
		await updateArticle(t.db, { actor: admin, organizerId, slug: row.slug, input: input('Skrivaren behöver nytt papper varje morgon.') });
		const after = await findArticles(t.db, { actor: staff, organizerId, query: 'skrivaren papper' });
		const text = after.items[0].snippet!.map((p) => p.text).join('');
		expect(text).toContain('nytt papper varje morgon');
		expect(text).not.toContain('A4');
		const listed = await findArticles(t.db, { actor: staff, organizerId });
		expect(listed.items.length).toBeGreaterThan(0);
		expect(listed.items.every((i) => i.snippet === null)).toBe(true);
	});

	it('orders by category, newest or most helpful, and narrows to one category', async () => {
		const { organizerId, staff, admin, keyPerson } = await setUp();
		const [skrivare, konto] = await t.db
			.insert(supportCategories)
			.values(['Skrivare', 'Konto'].map((name) => ({ organizerId, chain: 'technical', name, nameSort: swedishSortKey(name) })))
			.returning();
		await buildArticle(t.db, { organizerId, slug: 'a-skrivare', title: 'A', categoryId: skrivare.id, updatedAt: new Date('2026-01-01') });
		await buildArticle(t.db, { organizerId, slug: 'b-konto', title: 'B', categoryId: konto.id, updatedAt: new Date('2026-03-01') });
		await buildArticle(t.db, { organizerId, slug: 'c-ingen', title: 'C', updatedAt: new Date('2026-02-01') });
		const order = async (sort?: 'category' | 'newest' | 'helpful') =>
			(await findArticles(t.db, { actor: staff, organizerId, sort })).items.map((i) => i.slug);
		expect(await order()).toEqual(['b-konto', 'a-skrivare', 'c-ingen']);
		expect(await order('newest')).toEqual(['b-konto', 'c-ingen', 'a-skrivare']);
		for (const actor of [staff, admin, keyPerson]) await voteOnArticle(t.db, { actor, organizerId, slug: 'c-ingen', helpful: true });
		await voteOnArticle(t.db, { actor: staff, organizerId, slug: 'b-konto', helpful: false });
		expect((await order('helpful'))[0]).toBe('c-ingen');
		expect((await order('helpful')).at(-1)).toBe('b-konto');
		expect((await findArticles(t.db, { actor: staff, organizerId, categoryId: skrivare.id })).items.map((i) => i.slug)).toEqual([
			'a-skrivare'
		]);
	});
});

describe('"Hjälpte detta?"', () => {
	it('keeps one vote per person, which they may change; audited when it changes', async () => {
		const { organizerId, staff, student } = await setUp();
		const article = await buildArticle(t.db, { organizerId, slug: 'rosta', audience: 'everyone' });
		expect(await voteOnArticle(t.db, { actor: staff, organizerId, slug: 'rosta', helpful: true })).toEqual({ changed: true });
		expect(await voteOnArticle(t.db, { actor: staff, organizerId, slug: 'rosta', helpful: true })).toEqual({ changed: false });
		await voteOnArticle(t.db, { actor: student, organizerId, slug: 'rosta', helpful: true });
		expect((await getArticle(t.db, { actor: staff, organizerId, slug: 'rosta' })).votes).toEqual({ helpful: 2, notHelpful: 0, mine: true });
		await voteOnArticle(t.db, { actor: staff, organizerId, slug: 'rosta', helpful: false });
		expect((await getArticle(t.db, { actor: staff, organizerId, slug: 'rosta' })).votes).toEqual({
			helpful: 1,
			notHelpful: 1,
			mine: false
		});
		expect((await getArticle(t.db, { actor: student, organizerId, slug: 'rosta' })).votes.mine).toBe(true);
		const audit = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, article.id));
		expect(audit.map((a) => [a.action, a.changes])).toEqual([
			['kb_article.vote', { helpful: [null, true] }],
			['kb_article.vote', { helpful: [null, true] }],
			['kb_article.vote', { helpful: [true, false] }]
		]);
	});

	it('refuses a vote on an article the person does not read', async () => {
		const { organizerId, student } = await setUp();
		await buildArticle(t.db, { organizerId, slug: 'bara-personal', audience: 'staff' });
		expect(await codeOf(voteOnArticle(t.db, { actor: student, organizerId, slug: 'bara-personal', helpful: true }))).toBe('NOT_FOUND');
	});
});
