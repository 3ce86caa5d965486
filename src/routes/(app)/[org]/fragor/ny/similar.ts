import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/policies';
import { suggestSimilarQuestions } from '$lib/server/knowledge/questions/suggest-similar-questions';

/** What the asking form shows of the similar questions and articles, with their addresses. */
export type ShownSimilar = {
	questions: { id: string; title: string; href: string; answers: number; accepted: boolean }[];
	articles: { id: string; title: string; href: string }[];
};

/** The similar questions and articles for what the form holds (title, details, chain), with their addresses. */
export async function similarFor(
	db: Db,
	opts: { actor: Actor; organizerId: string; orgSlug: string; values: Record<string, string | undefined> }
): Promise<ShownSimilar> {
	const found = await suggestSimilarQuestions(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		chain: opts.values.chain || null,
		text: `${opts.values.title ?? ''}\n${opts.values.body ?? ''}`
	});
	const org = encodeURIComponent(opts.orgSlug);
	return {
		questions: found.questions.map((q) => ({ ...q, href: `/${org}/fragor/${q.id}` })),
		articles: found.articles.map((a) => ({ id: a.id, title: a.title, href: `/${org}/hjalp/${encodeURIComponent(a.slug)}` }))
	};
}
