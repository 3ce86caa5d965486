import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { searchSynonyms } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { SCHOOL_IT_SYNONYMS } from '../../search/synonyms';

export type SynonymGroup = { id: string; words: string[] };

/** The organizer's own synonym groups (oldest first) and the shipped school IT list, for those who manage the base. */
export async function findSynonymGroups(
	db: Db,
	opts: { actor: Actor; organizerId: string }
): Promise<{ own: SynonymGroup[]; shipped: string[][] }> {
	authorize(opts.actor, 'kb.manage', { type: 'knowledge', organizerId: opts.organizerId });
	const own = await db
		.select({ id: searchSynonyms.id, words: searchSynonyms.words })
		.from(searchSynonyms)
		.where(eq(searchSynonyms.organizerId, opts.organizerId))
		.orderBy(asc(searchSynonyms.createdAt), asc(searchSynonyms.id));
	return { own, shipped: SCHOOL_IT_SYNONYMS.map((g) => [...g]) };
}
