import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/policies';
import { suggestForFiling, type FilingSuggestions } from '$lib/server/knowledge/suggestions/suggest-for-filing';

/** A suggestion as the filing form shows it: the article's page, the snippet, the excerpt to read in place. */
export type ShownSuggestions = {
	articles: { id: string; title: string; href: string; snippet: { text: string; hit: boolean }[]; excerpt: string }[];
	cases: { id: string; title: string; solution: string }[];
};

/** Whitelists what the form gets of the suggestions, with each article's address in the knowledge base. */
export function presentSuggestions(found: FilingSuggestions, orgSlug: string): ShownSuggestions {
	return {
		articles: found.articles.map((a) => ({
			id: a.id,
			title: a.title,
			href: `/${orgSlug}/hjalp/${encodeURIComponent(a.slug)}`,
			snippet: a.snippet,
			excerpt: a.excerpt
		})),
		cases: found.cases.map((c) => ({ id: c.id, title: c.title, solution: c.solution }))
	};
}

/** The suggestions for what the form holds (title, description, chain, category). */
export async function suggestionsFor(
	db: Db,
	opts: { actor: Actor; organizerId: string; orgSlug: string; values: Record<string, string | undefined> }
): Promise<ShownSuggestions> {
	const { values } = opts;
	const found = await suggestForFiling(db, {
		actor: opts.actor,
		organizerId: opts.organizerId,
		chain: values.chain || null,
		categoryId: values.categoryId || null,
		text: `${values.title ?? ''}\n${values.description ?? ''}`
	});
	return presentSuggestions(found, opts.orgSlug);
}
