// Covers: buildDemoKnowledge, demoArticleFiles.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../tests/use-test-database';
import { buildActor, buildOrganizer } from '../../../../tests/factories';
import { kbArticles, kbArticleVotes, kbDeflections, organizers, supportCategories } from '../db/schema';
import { swedishSortKey } from '../../sort-key';
import { readArticleFolder } from '../knowledge/import/kb-import-command';
import { importArticles } from '../knowledge/import/import-articles';
import { buildDemoKnowledge, demoArticleFiles } from './build-demo-knowledge';
import type { DemoOrganizer } from './build-demo-organizer';
import { DEMO_CATEGORIES } from './support/demo-support-setup';
import { createRandom } from './random';

const t = useTestDatabase();
const NOW = new Date('2027-03-10T12:00:00Z');

/** An organizer with the demo's support categories and a few people in the roles the loader uses. */
async function miniDemo(): Promise<DemoOrganizer> {
	const organizer = await buildOrganizer(t.db);
	await t.db
		.insert(supportCategories)
		.values(DEMO_CATEGORIES.map((c) => ({ organizerId: organizer.id, chain: c.chain, name: c.name, nameSort: swedishSortKey(c.name) })));
	const refs = async (role: 'central_technical_support' | 'central_pedagogical_support' | 'staff' | 'student', n: number) => {
		const out = [];
		for (let i = 0; i < n; i++) {
			const a = await buildActor(t.db, [{ role, organizerId: organizer.id }]);
			out.push({ id: a.personId, name: a.name, email: `${a.personId}@exempel.se`, unitKey: null });
		}
		return out;
	};
	const none: never[] = [];
	return {
		organizerId: organizer.id,
		units: {},
		unitPlans: [],
		signIns: [],
		people: {
			org_admin: none,
			leadership: none,
			principal: none,
			pedagogical_key_person: none,
			technical_key_person: none,
			central_technical_support: await refs('central_technical_support', 2),
			central_pedagogical_support: await refs('central_pedagogical_support', 1),
			supplier: none,
			staff: await refs('staff', 6),
			student: await refs('student', 3),
			guardian: none,
			reader: none,
			data_protection_officer: none
		}
	};
}

describe('the demo knowledge base', () => {
	it('imports the articles owned by central support of their chain, with drafts, due reviews, votes and deflections over two years', async () => {
		const demo = await miniDemo();
		const files = await readArticleFolder(path.resolve('tests/fixtures/knowledge'));
		const counts = await buildDemoKnowledge(t.db, demo, createRandom(7), { files, now: NOW });
		expect(counts).toMatchObject({ articles: 3, skipped: 0 });
		expect(counts.drafts).toBeGreaterThanOrEqual(1);
		expect(counts.reviewDue).toBeGreaterThanOrEqual(1);
		const rows = await t.db.select().from(kbArticles).where(eq(kbArticles.organizerId, demo.organizerId));
		const tech = new Set(demo.people.central_technical_support.map((p) => p.id));
		const ped = new Set(demo.people.central_pedagogical_support.map((p) => p.id));
		for (const r of rows) expect((r.chain === 'pedagogical' ? ped : tech).has(r.ownerId!)).toBe(true);
		expect(rows.filter((r) => r.reviewOn! <= '2027-03-10')).toHaveLength(counts.reviewDue);
		const twoYearsAgo = new Date('2024-08-01T00:00:00Z');
		expect(rows.every((r) => r.createdAt >= twoYearsAgo && r.createdAt <= NOW)).toBe(true);

		const ids = rows.map((r) => r.id);
		const votes = (await t.db.select().from(kbArticleVotes)).filter((v) => ids.includes(v.articleId));
		const deflections = await t.db.select().from(kbDeflections).where(eq(kbDeflections.organizerId, demo.organizerId));
		expect(votes).toHaveLength(counts.votes);
		expect(deflections).toHaveLength(counts.deflections);
		expect(deflections.length).toBeGreaterThan(0);
		// Only published articles are voted on and answer questions; the deflections reach over both years.
		const published = new Set(rows.filter((r) => r.status === 'published').map((r) => r.id));
		expect([...votes, ...deflections].every((x) => published.has(x.articleId!))).toBe(true);
		const years = new Set(deflections.map((d) => d.createdAt.getUTCFullYear()));
		expect(years.size).toBeGreaterThanOrEqual(2);

		const [org] = await t.db.select().from(organizers).where(eq(organizers.id, demo.organizerId));
		expect(org.settings).toMatchObject({ knowledge: { publicArticles: true } });
	});

	it('skips a broken file and loads the rest', async () => {
		const demo = await miniDemo();
		const files = [
			...(await readArticleFolder(path.resolve('tests/fixtures/knowledge'))),
			{ name: 'trasig.md', text: 'ingen front matter' }
		];
		expect(await buildDemoKnowledge(t.db, demo, createRandom(7), { files, now: NOW })).toMatchObject({ articles: 3, skipped: 1 });
	});

	it('ships article files that all import cleanly into the demo’s categories', async () => {
		const demo = await miniDemo();
		const files = demoArticleFiles();
		const outcome = await importArticles(t.db, { actor: { system: 'demo' }, organizerId: demo.organizerId, files });
		expect(outcome.ok ? [] : outcome.problems).toEqual([]);
	});
});
