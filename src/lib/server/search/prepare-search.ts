import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import type { SearchKind } from '../db/schema';
import { PLAN_EACH_TIME } from '../db/plan-each-time';
import { rowsOf } from '../db/rows';
import { allowedEdits, editDistance } from './edit-distance';
import { lexiconNeighbours, prefixCount, termCounts, uuidArray } from './lexicon';
import { matchGroups, PRUNING, type Pruning } from './match-groups';
import { ORIGIN_WEIGHT, queryGroups, type QueryGroup } from './query-terms';

/** A prepared search: conditions on `search_documents` for the caller's own query (join it on kind and source_id). */
export type PreparedSearch = {
	/** True for documents of the organizers that match (any term: OR, ranked). */
	where: SQL;
	/** Higher is better; order by it descending. */
	rank: SQL<number>;
	/** The analysed terms, for highlighting snippets. */
	terms: string[];
	/** The query as analysed (its words and their groups of forms, parts and synonyms), for callers that score text. */
	analysis: ReturnType<typeof queryGroups>;
};

export type PrepareSearchOptions = {
	organizerIds: string[];
	query: string;
	/** Only these kinds of documents (also sharpens the term statistics); all kinds when left out. */
	kinds?: SearchKind[];
	/** Match the last word as a prefix too, for suggestions while typing. */
	prefixLast?: boolean;
	/**
	 * The share of the typed words (each with its forms, parts, synonyms and corrections) a document must hold,
	 * rounded up: 0.5 asks for one of two words, two of three or four. Left out, one word is enough (plain OR).
	 */
	minimumMatch?: number;
	/** When to match on the rare alternatives only (decision 070); PRUNING unless given (tests, the bench's checks). */
	pruning?: Pruning;
};

/** ts_rank's weights for D, C, B, A: the title and keywords (A) count most. Tuned on the evaluation set. */
const RANK_WEIGHTS = '{0.05, 0.1, 0.5, 1.0}';
/** Most corrections tried per misspelt word. */
const MAX_CORRECTIONS = 2;
const MAX_GROUPS = 32;

const idf = (documents: number, total: number) => Math.log(1 + (Math.max(total, documents) - documents + 0.5) / (documents + 0.5));

const tsqueryOf = (g: QueryGroup) => {
	const t = g.terms.map((term) => `'${term}'${g.prefix ? ':*' : ''}`);
	return t.length === 1 ? t[0] : `(${t.join(' & ')})`;
};

async function organizerSynonyms(db: Db, organizerIds: string[]): Promise<string[][]> {
	if (organizerIds.length === 0) return [];
	const res = await db.execute(sql`SELECT words FROM search_synonyms WHERE organizer_id = ANY(${uuidArray(organizerIds)})`);
	return rowsOf<{ words: string[] | string }>(res).map((r) =>
		Array.isArray(r.words)
			? r.words
			: String(r.words)
					.replace(/^\{|\}$/g, '')
					.split(',')
					.map((w) => w.replace(/^"|"$/g, ''))
	);
}

/** Words that the organizers' documents do not contain, replaced by close terms they do contain. */
async function corrections(db: Db, opts: PrepareSearchOptions, groups: QueryGroup[], counts: Map<string, number>) {
	const found = new Set(groups.filter((g) => g.terms.every((t) => (counts.get(t) ?? 0) > 0)).map((g) => g.word));
	const missing = groups.filter((g) => g.origin === 'word' && !found.has(g.word));
	const out: QueryGroup[] = [];
	for (const g of missing) {
		const word = g.terms[0];
		if (word.length < 4 || /\d/.test(word)) continue;
		const max = allowedEdits(word);
		const near = (await lexiconNeighbours(db, opts.organizerIds, opts.kinds ?? null, word))
			.map((n) => ({ ...n, distance: editDistance(word, n.term, max) }))
			.filter((n) => n.distance <= max)
			.sort((a, b) => a.distance - b.distance || b.documents - a.documents)
			.slice(0, MAX_CORRECTIONS);
		for (const n of near) {
			counts.set(n.term, n.documents);
			out.push({ terms: [n.term], origin: 'correction', word: g.word });
		}
	}
	return out;
}

/** With `minimumMatch`, the condition that enough of the typed words are there (nothing when one word is enough). */
function enoughWords(opts: PrepareSearchOptions, wordCount: number, groups: QueryGroup[]): SQL {
	const needed = Math.ceil((opts.minimumMatch ?? 0) * wordCount);
	if (needed <= 1) return sql``;
	const byWord = [...Map.groupBy(groups, (g) => g.word).values()];
	if (byWord.length < needed) return sql` AND false`;
	const held = byWord.map((gs) => sql`(search_documents.vector @@ to_tsquery('simple', ${gs.map(tsqueryOf).join(' | ')}))::int`);
	return sql` AND (${sql.join(held, sql` + `)}) >= ${needed}`;
}

/**
 * Prepares a search for what someone typed, or null when nothing searchable is left. The words are analysed as the
 * documents were (analyzeText), compound parts and school IT synonyms (shipped and the organizers' own) are added,
 * and a word that none of the organizers' documents contains is corrected to close terms that some do (one edit,
 * two for long words) — a fallback, never a replacement. Documents match on ANY term and rank by the sum of each
 * term's ts_rank (title weighted A) times its rarity (idf) and where it came from (typed > prefix > correction >
 * part > synonym).
 */
export async function prepareSearch(db: Db, opts: PrepareSearchOptions): Promise<PreparedSearch | null> {
	const analysis = queryGroups(opts.query, {
		prefixLast: opts.prefixLast,
		extraSynonyms: await organizerSynonyms(db, opts.organizerIds)
	});
	const { words, groups } = analysis;
	if (words.length === 0) return null;
	const plain = [...new Set(groups.filter((g) => !g.prefix).flatMap((g) => g.terms))];
	const { counts, total } = await termCounts(db, opts.organizerIds, opts.kinds ?? null, plain);
	const all = [...groups, ...(await corrections(db, opts, groups, counts))]
		.filter((g) => g.prefix || g.terms.every((t) => (counts.get(t) ?? 0) > 0))
		.slice(0, MAX_GROUPS);
	const terms = [...new Set([...groups, ...all].flatMap((g) => g.terms))];
	const scope = sql`search_documents.organizer_id = ANY(${uuidArray(opts.organizerIds)})${
		opts.kinds ? sql` AND search_documents.kind = ANY(string_to_array(${opts.kinds.join(',')}, ','))` : sql``
	}`;
	if (all.length === 0) return { where: sql`false`, rank: sql<number>`0::float8`, terms, analysis };
	const q = (g: QueryGroup) => sql`to_tsquery('simple', ${tsqueryOf(g)})`;
	const weightOf = (g: QueryGroup) => {
		const rarity = g.prefix ? 1 : g.terms.reduce((s, t) => s + idf(counts.get(t) ?? 0, total), 0) / g.terms.length;
		return (ORIGIN_WEIGHT[g.origin] * rarity).toFixed(4);
	};
	const rank = sql.join(
		all.map((g) => sql`${sql.raw(weightOf(g))} * ts_rank('${sql.raw(RANK_WEIGHTS)}', search_documents.vector, ${q(g)})`),
		sql` + `
	);
	const enough = enoughWords(opts, words.length, all);
	const held = (groups: QueryGroup[]) =>
		sql`(${sql.raw(PLAN_EACH_TIME)} ${scope} AND search_documents.vector @@ to_tsquery('simple', ${groups.map(tsqueryOf).join(' | ')})${enough})`;
	const rare = await rareGroups(db, opts, all, counts, total);
	// With a share of the words required the lexicon cannot tell how many the rare ones find: they are counted.
	const counted = Math.ceil((opts.minimumMatch ?? 0) * words.length) > 1;
	const matchRare = rare && (!counted || (await reaches(db, held(rare), (opts.pruning ?? PRUNING).minimum)));
	return {
		where: held(matchRare ? rare : all),
		rank: sql<number>`(${rank})`,
		terms,
		analysis
	};
}

/** The rare alternatives to match on (see matchGroups), or null; a prefix's documents are estimated from the lexicon. */
async function rareGroups(db: Db, opts: PrepareSearchOptions, groups: QueryGroup[], counts: Map<string, number>, total: number) {
	if (total < (opts.pruning ?? PRUNING).from) return null;
	const prefixes = new Map<QueryGroup, number>();
	for (const g of groups.filter((g) => g.prefix)) prefixes.set(g, await prefixCount(db, opts.organizerIds, opts.kinds ?? null, g.terms[0]));
	const documents = (g: QueryGroup) => prefixes.get(g) ?? Math.min(...g.terms.map((t) => counts.get(t) ?? 0));
	return matchGroups(groups, documents, (g) => g.origin === 'word', total, opts.pruning ?? PRUNING);
}

/** Whether at least `minimum` documents meet `where` (counted no further than that). */
async function reaches(db: Db, where: SQL, minimum: number) {
	const res = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM search_documents WHERE ${where} LIMIT ${minimum}) AS c`);
	return Number(rowsOf<{ n: number }>(res)[0]?.n ?? 0) >= minimum;
}
