import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { searchSynonyms } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { conflict, invalid } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { parseSynonymWords } from './synonym-input';

/** How many groups of its own an organizer keeps: each is read on every search. */
export const MAX_OWN_GROUPS = 300;

const sameWords = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * Adds a group of words that find each other in every search of the organizer (the knowledge base, the suggestions
 * while filing and the queue), from the next search on: synonyms are applied when searching, so nothing is
 * re-indexed. The same group twice is refused beside the field.
 */
export async function addSynonymGroup(db: Db, opts: { actor: Actor; organizerId: string; words: string }): Promise<{ id: string }> {
	authorize(opts.actor, 'kb.manage', { type: 'knowledge', organizerId: opts.organizerId });
	const words = parseSynonymWords(opts.words);
	return db.transaction(async (tx) => {
		const existing = await tx
			.select({ words: searchSynonyms.words })
			.from(searchSynonyms)
			.where(eq(searchSynonyms.organizerId, opts.organizerId));
		if (existing.some((g) => sameWords(g.words, words))) throw conflict('words', 'kb_synonyms_error_exists');
		if (existing.length >= MAX_OWN_GROUPS) throw invalid('words', 'kb_synonyms_error_limit');
		const [row] = await tx.insert(searchSynonyms).values({ organizerId: opts.organizerId, words }).returning({ id: searchSynonyms.id });
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_synonyms.add',
			entityType: 'search_synonyms',
			entityId: row.id,
			changes: { words }
		});
		return row;
	});
}
