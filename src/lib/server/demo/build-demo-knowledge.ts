import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { kbArticles, kbArticleVotes, kbDeflections, organizers } from '../db/schema';
import { todayInStockholm } from '../auth/load-actor';
import { importArticles, type ArticleFile } from '../knowledge/import/import-articles';
import { parseDay } from '../support/sla/days';
import { isoWeekMonday, schoolYearOf } from './support/school-calendar';
import { insertJsonRows } from './support/insert-json-rows';
import type { DemoOrganizer } from './build-demo-organizer';
import type { Random } from './random';

/**
 * The demo's articles, bundled into the built server as text (Vite's glob import), so `npm run demo` needs no
 * folder beside the build. Written in our own words in the import format (docs/knowledge-format.md).
 */
const SHIPPED = import.meta.glob('./knowledge/articles/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The shipped article files, named as in their folder. */
export const demoArticleFiles = (): ArticleFile[] =>
	Object.entries(SHIPPED)
		.map(([path, text]) => ({ name: path.split('/').pop()!, text }))
		.sort((a, b) => a.name.localeCompare(b.name));

export type DemoKnowledgeCounts = {
	articles: number;
	drafts: number;
	reviewDue: number;
	votes: number;
	deflections: number;
	skipped: number;
};

const DAY_MS = 86_400_000;

/** Queries people typed before an article answered them: its title, or a few words of it, as people write. */
function typedQuery(random: Random, title: string, tags: string[]): string {
	const tag = tags.length ? random.pick(tags) : null;
	return random.chance(0.5) || !tag ? title : `${tag} ${random.pick(['fungerar inte', 'hur gör jag', 'hjälp', 'problem'])}`;
}

/**
 * Exempelkommun's knowledge base: every shipped article (or `files`) imported as the system, owned by the central
 * support people of its chain, created over the first of the demo's two years, a few left as drafts and a few due
 * for review, with "Hjälpte detta?" votes and deflections (cases not filed because an article answered) spread over
 * the two years, weighted to the working days. Exempelkommun allows its public articles to be read signed out.
 * A file with a problem is skipped (and counted), so the demo starts whatever the folder holds; the shipped folder
 * is kept clean by build-demo-knowledge.db.spec.ts.
 */
export async function buildDemoKnowledge(
	tx: Db,
	demo: DemoOrganizer,
	random: Random,
	opts: { files?: ArticleFile[]; now?: Date } = {}
): Promise<DemoKnowledgeCounts> {
	const now = opts.now ?? new Date();
	const organizerId = demo.organizerId;
	await tx
		.update(organizers)
		.set({ settings: sql`jsonb_set(${organizers.settings}, '{knowledge}', '{"publicArticles": true}'::jsonb)` })
		.where(eq(organizers.id, organizerId));
	let files = opts.files ?? demoArticleFiles();
	let outcome = await importArticles(tx, { actor: { system: 'demo' }, organizerId, files });
	let skipped = 0;
	if (!outcome.ok) {
		const bad = new Set(outcome.problems.map((p) => p.file));
		console.warn(`Demo: ${bad.size} artikelfiler hoppades över / article files skipped: ${[...bad].join(', ')}`);
		files = files.filter((f) => !bad.has(f.name));
		skipped = bad.size;
		outcome = await importArticles(tx, { actor: { system: 'demo' }, organizerId, files });
		if (!outcome.ok) throw new Error('demo articles: problems remain after skipping the files that had them');
	}
	const articles = await tx
		.select({
			id: kbArticles.id,
			chain: kbArticles.chain,
			status: kbArticles.status,
			title: kbArticles.title,
			tags: kbArticles.tags,
			categoryId: kbArticles.categoryId
		})
		.from(kbArticles)
		.where(eq(kbArticles.organizerId, organizerId));
	if (articles.length === 0) return { articles: 0, drafts: 0, reviewDue: 0, votes: 0, deflections: 0, skipped };

	const year = schoolYearOf(parseDay(todayInStockholm(now)));
	const start = isoWeekMonday(year - 2, 33) * DAY_MS;
	const span = now.getTime() - start;
	const central = { technical: demo.people.central_technical_support, pedagogical: demo.people.central_pedagogical_support };
	const anyCentral = [...central.technical, ...central.pedagogical];
	/** A working-day moment between `from` and now, office hours. */
	const moment = (from: number) => {
		let d = new Date(from + random.next() * (now.getTime() - from));
		while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = new Date(d.getTime() - DAY_MS);
		d.setUTCHours(random.int(6, 14), random.int(0, 59));
		return d.getTime() > now.getTime() ? now : d;
	};

	const published = articles.filter((a) => a.status === 'published');
	const toDraft = new Set(
		random
			.shuffle(published)
			.slice(0, Math.min(3, Math.max(0, published.length - 1)))
			.map((a) => a.id)
	);
	const reviewDue = new Set(
		random
			.shuffle(articles.filter((a) => !toDraft.has(a.id)))
			.slice(0, Math.max(1, Math.round(articles.length / 12)))
			.map((a) => a.id)
	);
	const createdAt = new Map<string, number>();
	for (const a of articles) {
		const owners = a.chain === 'technical' ? central.technical : a.chain === 'pedagogical' ? central.pedagogical : anyCentral;
		const created = start + random.next() * Math.min(span / 2, 365 * DAY_MS);
		createdAt.set(a.id, created);
		const draft = toDraft.has(a.id) || a.status === 'draft';
		const review = reviewDue.has(a.id)
			? new Date(now.getTime() - random.int(1, 40) * DAY_MS)
			: new Date(now.getTime() + random.int(30, 400) * DAY_MS);
		await tx
			.update(kbArticles)
			.set({
				ownerId: owners.length ? random.pick(owners).id : null,
				status: draft ? 'draft' : 'published',
				publishedAt: draft ? null : new Date(created),
				reviewOn: review.toISOString().slice(0, 10),
				createdAt: new Date(created),
				updatedAt: new Date(created)
			})
			.where(eq(kbArticles.id, a.id));
	}

	// Votes and deflections for the published ones: a few articles answer most, as in any help desk.
	const readers = [...demo.people.staff, ...demo.people.student];
	const live = articles.filter((a) => !toDraft.has(a.id) && a.status === 'published');
	const weight = new Map(live.map((a) => [a.id, random.chance(0.2) ? random.int(8, 20) : random.int(1, 6)]));
	const votes: (typeof kbArticleVotes.$inferInsert)[] = [];
	const deflections: (typeof kbDeflections.$inferInsert)[] = [];
	for (const a of live) {
		const w = weight.get(a.id)!;
		const voters = random.shuffle(readers).slice(0, Math.min(readers.length, w * random.int(1, 3)));
		for (const v of voters)
			votes.push({ articleId: a.id, voterKey: v.id, helpful: random.chance(0.78), createdAt: new Date(moment(createdAt.get(a.id)!)) });
		for (let i = 0; i < w * 4; i++) {
			const person = readers.length ? random.pick(readers) : null;
			deflections.push({
				id: randomUUID(),
				organizerId,
				personId: person?.id ?? null,
				articleId: a.id,
				ticketId: null,
				query: typedQuery(random, a.title, a.tags),
				categoryId: a.categoryId,
				createdAt: new Date(moment(createdAt.get(a.id)!))
			});
		}
	}
	await insertJsonRows(tx, kbArticleVotes, votes);
	await insertJsonRows(tx, kbDeflections, deflections);
	return {
		articles: articles.length,
		drafts: articles.filter((a) => toDraft.has(a.id) || a.status === 'draft').length,
		reviewDue: reviewDue.size,
		votes: votes.length,
		deflections: deflections.length,
		skipped
	};
}
