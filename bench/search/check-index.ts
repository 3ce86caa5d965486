/**
 * Checks that the bench's index is what the app itself writes: re-indexes a sample of articles, questions and cases
 * with the app's own indexers (indexArticle, indexQuestion, indexTicket: what creating, answering and filing call)
 * inside a transaction that is rolled back, and counts the documents whose vector or lexicon that changed.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { kbArticles, qaQuestions, supportCategories } from '../../src/lib/server/db/schema';
import { indexArticle } from '../../src/lib/server/knowledge/articles/index-article';
import { indexQuestion } from '../../src/lib/server/knowledge/questions/index-question';
import { indexTicket } from '../../src/lib/server/support/tickets/index-ticket';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;
const ROLLBACK = new Error('rollback');

/** How many of `sample` documents of each kind the app's indexers would write otherwise (0 is right). */
export async function checkIndex(db: Db, sample = 40): Promise<{ checked: number; differ: string[] }> {
	const differ: string[] = [];
	let checked = 0;
	await db
		.transaction(async (tx) => {
			const vector = async (kind: string, id: string) =>
				rows<{ v: string }>(
					await tx.execute(sql`SELECT vector::text AS v FROM search_documents WHERE kind = ${kind} AND source_id = ${id}`)
				)[0]?.v ?? null;
			const lexicon = async () =>
				rows<{ s: string }>(await tx.execute(sql`SELECT sum(documents)::text || '/' || count(*) AS s FROM search_lexicon`))[0].s;
			const before = await lexicon();
			const pick = async (kind: string) =>
				rows<{ id: string }>(
					await tx.execute(sql`SELECT source_id AS id FROM search_documents TABLESAMPLE SYSTEM (1) WHERE kind = ${kind} LIMIT ${sample}`)
				).map((r) => r.id);
			const articleIds = await pick('article');
			for (const a of articleIds.length ? await tx.select().from(kbArticles).where(inArray(kbArticles.id, articleIds)) : []) {
				const was = await vector('article', a.id);
				const [cat] = a.categoryId
					? await tx.select({ name: supportCategories.name }).from(supportCategories).where(eq(supportCategories.id, a.categoryId))
					: [];
				await indexArticle(tx, a, cat?.name ?? null);
				if ((await vector('article', a.id)) !== was) differ.push(`article ${a.id}`);
				checked++;
			}
			const questionIds = await pick('question');
			for (const q of questionIds.length ? await tx.select().from(qaQuestions).where(inArray(qaQuestions.id, questionIds)) : []) {
				const was = await vector('question', q.id);
				await indexQuestion(tx, q);
				if ((await vector('question', q.id)) !== was) differ.push(`question ${q.id}`);
				checked++;
			}
			const caseIds = await pick('ticket');
			const cases = rows<{ id: string; organizerId: string; title: string; description: string }>(
				await tx.execute(
					sql`SELECT id, organizer_id AS "organizerId", title, description FROM tickets WHERE id = ANY(string_to_array(${caseIds.join(',')}, ',')::uuid[])`
				)
			);
			for (const t of cases) {
				const was = await vector('ticket', t.id);
				await indexTicket(tx, t);
				if ((await vector('ticket', t.id)) !== was) differ.push(`case ${t.id}`);
				checked++;
			}
			// Re-indexing the same text changes no count; a document the lexicon had missed would.
			if ((await lexicon()) !== before) differ.push(`the lexicon (${before} → ${await lexicon()})`);
			throw ROLLBACK;
		})
		.catch((e) => {
			if (e !== ROLLBACK) throw e;
		});
	return { checked, differ };
}
