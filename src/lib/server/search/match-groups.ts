/**
 * When a search may match on its rarer alternatives only (decision 070). Every alternative still ranks; a document
 * that holds only common ones is left out of the match when enough documents hold a rare one.
 */
export type Pruning = {
	/** Below this many documents (of the organizers and kinds) every alternative matches, as before. */
	from: number;
	/** An alternative held by more than this share of the documents is common: it ranks but does not match alone. */
	commonShare: number;
	/**
	 * …unless it is held by at most this many times the documents of the rarest typed word: where every word is
	 * frequent, the rarest words and those about as rare still match, and only the far commoner ones stop matching.
	 */
	relative: number;
	/**
	 * The rare alternatives must find at least this many documents (one of them alone, by the lexicon; counted when
	 * a share of the words is required), or every alternative matches after all.
	 */
	minimum: number;
};

export const PRUNING: Pruning = { from: 1000, commonShare: 0.1, relative: 0, minimum: 200 };

/**
 * The alternatives a document must hold one of: the rare ones (see Pruning), or null when all of them must match (a
 * small index, no common alternative, or rare ones that together cannot reach `minimum`). `documents` is how many
 * documents hold an alternative (at most); `typed` tells the typed words' own alternatives.
 */
export function matchGroups<G>(groups: G[], documents: (g: G) => number, typed: (g: G) => boolean, total: number, p: Pruning): G[] | null {
	if (total < p.from) return null;
	const rarestTyped = Math.min(...groups.filter(typed).map(documents));
	const limit = Math.max(p.commonShare * total, Number.isFinite(rarestTyped) ? p.relative * rarestTyped : 0);
	const rare = groups.filter((g) => documents(g) <= limit);
	if (rare.length === groups.length) return null;
	// The most frequent rare alternative alone finds that many: the rare ones together find at least as many.
	const reach = Math.max(0, ...rare.map(documents));
	return reach < p.minimum ? null : rare;
}
