// Covers: suggestForFiling.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/use-test-database';
import { buildActor, buildArticle, buildOrganizer } from '../../../../../tests/factories';
import { buildFilingScene, buildSolvedCase } from '../../../../../tests/knowledge-suggestions';
import { people } from '../../db/schema';
import { suggestForFiling } from './suggest-for-filing';

const t = useTestDatabase();
const LOGIN = 'kan inte logga in i lärplattformen efter lösenordsbyte';

describe('suggestions while filing', () => {
	it('puts the article that answers what was typed first, with a snippet marking the words found', async () => {
		const s = await buildFilingScene(t.db);
		const right = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Logga in i lärplattformen efter att du bytt lösenord',
			body: 'När du har bytt lösenord loggar du ut överallt och loggar sedan in i lärplattformen med det nya lösenordet.'
		});
		await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Byt toner i skrivaren',
			body: 'Öppna luckan och dra ut den gamla tonern.'
		});
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Boka projektor', body: 'Du loggar in i bokningen och väljer sal.' });
		const found = await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: LOGIN });
		expect(found.articles[0]).toMatchObject({ id: right.id, slug: right.slug, title: right.title });
		expect(found.articles.map((a) => a.title)).not.toContain('Byt toner i skrivaren');
		expect(found.articles[0].snippet.some((p) => p.hit)).toBe(true);
		expect(found.articles[0].excerpt).toContain('bytt lösenord');
	});

	it('ranks an article matching more of the words above one matching fewer', async () => {
		const s = await buildFilingScene(t.db);
		const few = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Wifi i aulan', body: 'Nätverket i aulan heter Skola.' });
		const many = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Wifi fungerar inte på elevdatorn',
			body: 'Starta om elevdatorn och välj nätverket igen.'
		});
		const found = await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'wifi fungerar inte på elevdatorn' });
		expect(found.articles.map((a) => a.id)).toEqual([many.id, few.id]);
	});

	it('never suggests drafts, archived articles or another organizer’s articles', async () => {
		const s = await buildFilingScene(t.db);
		const other = await buildOrganizer(t.db);
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Projektorn blinkar utkast', status: 'draft', publishedAt: null });
		await buildArticle(t.db, { organizerId: s.organizerId, title: 'Projektorn blinkar arkiverad', archivedAt: new Date() });
		await buildArticle(t.db, { organizerId: other.id, title: 'Projektorn blinkar hos någon annan' });
		const shown = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Projektorn blinkar rött' });
		const found = await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'projektorn blinkar' });
		expect(found.articles.map((a) => a.id)).toEqual([shown.id]);
	});

	it('offers each reader only the audiences they may read: a student gets no staff articles', async () => {
		const s = await buildFilingScene(t.db);
		const staff = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Glömt lösenord personal', audience: 'staff' });
		const students = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Glömt lösenord elev', audience: 'students' });
		const everyone = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Glömt lösenord alla', audience: 'everyone' });
		const guardians = await buildArticle(t.db, {
			organizerId: s.organizerId,
			title: 'Glömt lösenord vårdnadshavare',
			audience: 'guardians'
		});
		const ids = async (actor: typeof s.teacher) =>
			(await suggestForFiling(t.db, { actor, organizerId: s.organizerId, text: 'glömt lösenord', limit: 5 })).articles
				.map((a) => a.id)
				.sort();
		expect(await ids(s.student)).toEqual([students.id, everyone.id].sort());
		expect(await ids(s.teacher)).toEqual([staff.id, everyone.id].sort());
		// Key people write articles, so they read every audience.
		expect(await ids(s.handler)).toEqual([staff.id, students.id, everyone.id, guardians.id].sort());
	});

	it('lifts the articles of the chosen category, then of the chosen chain', async () => {
		const s = await buildFilingScene(t.db);
		const inAccounts = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skärmen är svart', categoryId: s.accounts.id });
		const inPrinters = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skärmen är svart', categoryId: s.printers.id });
		const pedagogical = await buildArticle(t.db, { organizerId: s.organizerId, title: 'Skärmen är svart', chain: 'pedagogical' });
		const ask = async (o: { categoryId?: string; chain?: string }) =>
			(await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'skärmen är svart', ...o })).articles.map(
				(a) => a.id
			);
		expect((await ask({ categoryId: s.printers.id, chain: 'technical' }))[0]).toBe(inPrinters.id);
		expect((await ask({ categoryId: s.accounts.id, chain: 'technical' }))[0]).toBe(inAccounts.id);
		expect((await ask({ chain: 'pedagogical' }))[0]).toBe(pedagogical.id);
	});

	it('suggests three articles unless asked for more, and never more than five', async () => {
		const s = await buildFilingScene(t.db);
		for (let i = 0; i < 7; i++) await buildArticle(t.db, { organizerId: s.organizerId, title: `Ljudet hackar ${i}` });
		const count = async (limit?: number) =>
			(await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'ljudet hackar', limit })).articles.length;
		expect(await count()).toBe(3);
		expect(await count(5)).toBe(5);
		expect(await count(50)).toBe(5);
	});

	it('suggests nothing for nothing searchable, and refuses people outside the organizer', async () => {
		const s = await buildFilingScene(t.db);
		expect(await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: ' ? ! ' })).toEqual({
			articles: [],
			cases: []
		});
		const outsider = await buildActor(t.db, [{ role: 'staff', organizerId: (await buildOrganizer(t.db)).id }]);
		await expect(suggestForFiling(t.db, { actor: outsider, organizerId: s.organizerId, text: 'lösenord' })).rejects.toMatchObject({
			code: 'FORBIDDEN'
		});
	});
});

describe('earlier solved cases while filing', () => {
	it('shows flagged solved cases of the chosen category: their title and solution, nothing about the requester', async () => {
		const s = await buildFilingScene(t.db);
		const base = { organizerId: s.organizerId, unitId: s.unit.id, requester: s.teacher, handler: s.handler };
		const flagged = await buildSolvedCase(t.db, {
			...base,
			categoryId: s.printers.id,
			title: 'Skrivaren skriver ut tomma sidor',
			solution: 'Tejpen satt kvar på den nya tonern. Dra bort den.'
		});
		await buildSolvedCase(t.db, {
			...base,
			categoryId: s.printers.id,
			title: 'Skrivaren skriver ut randigt',
			solution: 'Bytt trumma.',
			selfHelp: false
		});
		await buildSolvedCase(t.db, { ...base, categoryId: s.accounts.id, title: 'Skrivaren skriver inte alls', solution: 'Kontot låst.' });
		const found = await suggestForFiling(t.db, {
			actor: s.teacher,
			organizerId: s.organizerId,
			categoryId: s.printers.id,
			text: 'skrivaren skriver ut tomma sidor'
		});
		expect(found.cases).toEqual([
			{ id: flagged.id, title: 'Skrivaren skriver ut tomma sidor', solution: 'Tejpen satt kvar på den nya tonern. Dra bort den.' }
		]);
		// Without a category, no cases: they are offered by category only.
		const none = await suggestForFiling(t.db, { actor: s.teacher, organizerId: s.organizerId, text: 'skrivaren skriver ut tomma sidor' });
		expect(none.cases).toEqual([]);
	});

	it('leaves out other organizers’ cases, cases of a person with protected identity, and students', async () => {
		const s = await buildFilingScene(t.db);
		const other = await buildFilingScene(t.db);
		await buildSolvedCase(t.db, {
			organizerId: other.organizerId,
			unitId: other.unit.id,
			requester: other.teacher,
			handler: other.handler,
			categoryId: other.printers.id,
			title: 'Skrivaren fastnar',
			solution: 'Annan huvudman.'
		});
		await t.db.update(people).set({ protectedIdentity: true }).where(eq(people.id, s.teacher.personId));
		await buildSolvedCase(t.db, {
			organizerId: s.organizerId,
			unitId: s.unit.id,
			requester: s.teacher,
			handler: s.handler,
			categoryId: s.printers.id,
			title: 'Skrivaren fastnar',
			solution: 'Skyddad.'
		});
		const colleague = await buildActor(t.db, [{ role: 'staff', organizerId: s.organizerId, unitId: s.unit.id }]);
		const ask = (actor: typeof s.teacher) =>
			suggestForFiling(t.db, { actor, organizerId: s.organizerId, categoryId: s.printers.id, text: 'skrivaren fastnar' });
		expect((await ask(colleague)).cases).toEqual([]);
		await buildSolvedCase(t.db, {
			organizerId: s.organizerId,
			unitId: s.unit.id,
			requester: colleague,
			handler: s.handler,
			categoryId: s.printers.id,
			title: 'Skrivaren fastnar i fack 2',
			solution: 'Pappret var fuktigt.'
		});
		expect((await ask(colleague)).cases.map((c) => c.solution)).toEqual(['Pappret var fuktigt.']);
		// The short form of students has no category: they are never shown earlier cases.
		expect((await ask(s.student)).cases).toEqual([]);
	});
});
