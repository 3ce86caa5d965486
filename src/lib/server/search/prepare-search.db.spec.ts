// Covers: indexDocument, removeDocument, prepareSearch, indexNewDocuments.
import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildArticle, buildOrganizer } from '../../../../tests/factories';
import { searchLexicon, searchSynonyms } from '../db/schema';
import { rowsOf } from '../db/rows';
import { indexDocument, removeDocument } from './index-document';
import { indexNewDocuments } from './index-new-documents';
import { prepareSearch, type PrepareSearchOptions } from './prepare-search';

const t = useTestDatabase();

/** The titles of the articles found, best first. */
async function titles(o: Omit<PrepareSearchOptions, 'kinds'>) {
	const s = await prepareSearch(t.db, { ...o, kinds: ['article'] });
	if (!s) return [];
	const res = await t.db.execute(sql`
		SELECT kb_articles.title FROM search_documents JOIN kb_articles ON kb_articles.id = search_documents.source_id
		WHERE ${s.where} ORDER BY ${s.rank} DESC, kb_articles.title`);
	return rowsOf<{ title: string }>(res).map((r) => r.title);
}

async function organizerWith(articles: { title: string; body?: string; tags?: string[] }[]) {
	const org = await buildOrganizer(t.db);
	for (const a of articles) await buildArticle(t.db, { organizerId: org.id, body: 'Så här gör du.', ...a });
	return org.id;
}

describe('prepareSearch', () => {
	it('finds lösenord when it is typed without ö, and in its other forms', async () => {
		const org = await organizerWith([{ title: 'Byt ditt lösenord' }, { title: 'Boka en projektor' }]);
		expect(await titles({ organizerIds: [org], query: 'losenord' })).toEqual(['Byt ditt lösenord']);
		expect(await titles({ organizerIds: [org], query: 'lösenordet' })).toEqual(['Byt ditt lösenord']);
	});

	it('finds an article about lösenord for a compound with the linking -s-', async () => {
		const org = await organizerWith([{ title: 'Glömt lösenordet?' }, { title: 'Byta toner i kopiatorn' }]);
		expect((await titles({ organizerIds: [org], query: 'lösenordsbyte i lärplattformen' }))[0]).toBe('Glömt lösenordet?');
	});

	it('does not rank "AI-skrivna" first for "skrivare"', async () => {
		const org = await organizerWith([
			{ title: 'AI-skrivna texter', body: 'När eleven skriver med AI: så upptäcker du AI-skrivna inlämningar.' },
			{ title: 'Lägg till skolans skrivare', body: 'Skrivaren i personalrummet läggs till så här.' }
		]);
		const found = await titles({ organizerIds: [org], query: 'skrivare' });
		expect(found[0]).toBe('Lägg till skolans skrivare');
		expect(found).not.toContain('AI-skrivna texter');
	});

	it('ranks a match in the title above a match in the body only', async () => {
		const org = await organizerWith([
			{ title: 'Ljud i klassrummet', body: 'Om projektorn saknar ljud, kontrollera kabeln.' },
			{ title: 'Projektorn visar ingen bild', body: 'Kontrollera kabeln.' }
		]);
		expect(await titles({ organizerIds: [org], query: 'projektor' })).toEqual(['Projektorn visar ingen bild', 'Ljud i klassrummet']);
	});

	it('ranks an article that has more of the words above one with fewer (an OR-query)', async () => {
		const org = await organizerWith([
			{ title: 'Skrivaren är långsam' },
			{ title: 'Skrivaren i personalrummet', body: 'Pappersstopp i skrivaren: öppna luckan.' }
		]);
		expect(await titles({ organizerIds: [org], query: 'pappersstopp i skrivaren' })).toEqual([
			'Skrivaren i personalrummet',
			'Skrivaren är långsam'
		]);
	});

	it('finds school IT synonyms, shipped and the organizer’s own', async () => {
		const org = await organizerWith([{ title: 'Elevdatorn startar inte' }, { title: 'Wifi i klassrummet' }]);
		expect(await titles({ organizerIds: [org], query: 'chromebook' })).toEqual(['Elevdatorn startar inte']);
		expect(await titles({ organizerIds: [org], query: 'trådlöst nätverk' })).toEqual(['Wifi i klassrummet']);
		expect(await titles({ organizerIds: [org], query: 'uppkopplingsstrul' })).toEqual(['Wifi i klassrummet']);
		expect(await titles({ organizerIds: [org], query: 'kärran' })).toEqual([]);
		await t.db.insert(searchSynonyms).values({ organizerId: org, words: ['elevdator', 'kärra'] });
		expect(await titles({ organizerIds: [org], query: 'kärran' })).toEqual(['Elevdatorn startar inte']);
	});

	it('corrects a misspelt word to a close term the organizer’s documents hold, only when it matches nothing', async () => {
		const org = await organizerWith([{ title: 'Projektorn blinkar' }, { title: 'Skrivbordet är fullt' }, { title: 'Skrivaren' }]);
		expect(await titles({ organizerIds: [org], query: 'projketorn' })).toEqual(['Projektorn blinkar']);
		expect(await titles({ organizerIds: [org], query: 'skrivre' })).toEqual(['Skrivaren']);
		// A word that matches is not "corrected" to its neighbours.
		expect(await titles({ organizerIds: [org], query: 'skrivare' })).toEqual(['Skrivaren']);
	});

	it('matches the last word as a prefix for suggestions while typing', async () => {
		const org = await organizerWith([{ title: 'Lärplattformen visar fel prov' }]);
		expect(await titles({ organizerIds: [org], query: 'lärplatt' })).toEqual([]);
		expect(await titles({ organizerIds: [org], query: 'lärplatt', prefixLast: true })).toEqual(['Lärplattformen visar fel prov']);
	});

	it('never finds another organizer’s documents, nor corrects to their words', async () => {
		const mine = await organizerWith([{ title: 'Boka dokumentkamera' }]);
		const theirs = await organizerWith([{ title: 'Byt lösenord' }, { title: 'Projektorn blinkar' }]);
		expect(await titles({ organizerIds: [mine], query: 'lösenord' })).toEqual([]);
		expect(await titles({ organizerIds: [mine], query: 'projketorn' })).toEqual([]);
		expect(await titles({ organizerIds: [mine, theirs], query: 'lösenord' })).toEqual(['Byt lösenord']);
	});

	it('gives null when nothing searchable is typed, and never fails on strange text', async () => {
		const org = await organizerWith([{ title: 'Byt lösenord' }]);
		expect(await prepareSearch(t.db, { organizerIds: [org], query: ' och, det! ' })).toBeNull();
		for (const q of [`'`, `&|!():*`, `a:* & !b`, `<script>`, `\\`, `😀`, 'x'.repeat(300), `'lösenord'`])
			await expect(titles({ organizerIds: [org], query: q, prefixLast: true }), q).resolves.toBeDefined();
	});
});

describe('prepareSearch on a larger index (decision 070)', () => {
	/** Pruning from two documents on: `rare` is held by at most a third of them, and must find `minimum`. */
	const pruning = (minimum: number) => ({ from: 2, commonShare: 0.34, relative: 0, minimum });
	const common = Array.from({ length: 6 }, (_, i) => ({ title: `Logga in på elevdatorn ${i + 1}`, body: 'Logga in med ditt konto.' }));

	it('still finds the documents a rare word and a common word match, ranked by both, but not those with the common word only', async () => {
		const org = await organizerWith([
			...common,
			{ title: 'Pappersstopp i skrivaren', body: 'Logga in på skrivaren och öppna luckan.' },
			{ title: 'Skrivaren i biblioteket', body: 'Pappersstopp: öppna luckan.' }
		]);
		const query = 'logga in pappersstopp';
		const pruned = await titles({ organizerIds: [org], query, pruning: pruning(2) });
		expect(pruned).toEqual(['Pappersstopp i skrivaren', 'Skrivaren i biblioteket']);
		// Every alternative matching finds the same two first, then what only the common words match.
		const whole = await titles({ organizerIds: [org], query, pruning: { ...pruning(2), from: Infinity } });
		expect(whole.slice(0, 2)).toEqual(pruned);
		expect(whole).toHaveLength(8);
	});

	it('matches every alternative after all when the rare ones find too few documents', async () => {
		const org = await organizerWith([...common, { title: 'Pappersstopp i skrivaren', body: 'Öppna luckan.' }]);
		const found = await titles({ organizerIds: [org], query: 'logga in pappersstopp', pruning: pruning(2) });
		expect(found[0]).toBe('Pappersstopp i skrivaren');
		expect(found).toHaveLength(7);
	});

	it('with a share of the words required, counts what the rare ones find and falls back when they find too few', async () => {
		const org = await organizerWith([...common, { title: 'Pappersstopp i skrivaren', body: 'Öppna luckan.' }]);
		// Two of the three words: the one case with the rare word lacks them, the six with the common ones have them.
		const found = await titles({ organizerIds: [org], query: 'logga in pappersstopp', minimumMatch: 0.5, pruning: pruning(1) });
		expect(found).toHaveLength(6);
		expect(found).not.toContain('Pappersstopp i skrivaren');
	});

	it('counts a half-typed last word as rare or common by the terms it starts', async () => {
		const org = await organizerWith([
			...common,
			{ title: 'Lärplattformen visar fel prov', body: 'Logga in igen.' },
			{ title: 'Lärplattformens app', body: 'Logga in i appen.' }
		]);
		const found = await titles({ organizerIds: [org], query: 'logga in lärplatt', prefixLast: true, pruning: pruning(2) });
		expect(found).toEqual(expect.arrayContaining(['Lärplattformen visar fel prov', 'Lärplattformens app']));
		expect(found).toHaveLength(2);
	});
});

describe('indexDocument and removeDocument', () => {
	const count = async (organizerId: string, term: string) =>
		(
			await t.db
				.select({ n: searchLexicon.documents })
				.from(searchLexicon)
				.where(and(eq(searchLexicon.organizerId, organizerId), eq(searchLexicon.kind, 'article'), eq(searchLexicon.term, term)))
		)[0]?.n ?? 0;

	it('replaces a document and keeps the lexicon’s counts in step', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const a = await buildArticle(t.db, { organizerId: org, title: 'Projektorn blinkar', body: 'Lampan.' });
		await buildArticle(t.db, { organizerId: org, title: 'Projektorn surrar', body: 'Fläkten.' });
		expect(await count(org, 'projektor')).toBe(2);
		expect(await count(org, '*')).toBe(2);
		await indexDocument(t.db, { kind: 'article', sourceId: a.id, organizerId: org, title: 'Skrivaren blinkar', body: 'Lampan.' });
		expect(await count(org, 'projektor')).toBe(1);
		expect(await count(org, 'skrivare')).toBe(1);
		expect(await titles({ organizerIds: [org], query: 'skrivaren' })).toEqual(['Projektorn blinkar']); // the row's title is unchanged
		await removeDocument(t.db, 'article', a.id);
		expect(await count(org, 'skrivare')).toBe(0);
		expect(await count(org, '*')).toBe(1);
		expect(await titles({ organizerIds: [org], query: 'skrivaren' })).toEqual([]);
	});

	it('indexes many new documents at once and leaves those already indexed alone', async () => {
		const org = (await buildOrganizer(t.db)).id;
		const a = await buildArticle(t.db, { organizerId: org, title: 'Projektorn blinkar' });
		const b = await buildArticle(t.db, { organizerId: org, title: 'Wifi saknas' });
		await removeDocument(t.db, 'article', b.id);
		const doc = (id: string, title: string) => ({ kind: 'article' as const, sourceId: id, organizerId: org, title, body: '' });
		expect(await indexNewDocuments(t.db, [doc(a.id, 'Något annat'), doc(b.id, 'Wifi saknas')])).toBe(1);
		expect(await count(org, 'projektor')).toBe(1);
		expect(await count(org, 'wifi')).toBe(1);
		expect(await count(org, '*')).toBe(2);
		expect(await titles({ organizerIds: [org], query: 'wifi' })).toEqual(['Wifi saknas']);
	});
});
