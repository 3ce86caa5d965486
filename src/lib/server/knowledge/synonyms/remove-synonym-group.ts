import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { searchSynonyms } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';

/** Removes one of the organizer's own synonym groups; another organizer's, or one already gone, is not found. */
export async function removeSynonymGroup(db: Db, opts: { actor: Actor; organizerId: string; groupId: string }): Promise<void> {
	authorize(opts.actor, 'kb.manage', { type: 'knowledge', organizerId: opts.organizerId });
	if (!isUuid(opts.groupId)) throw new AppError('NOT_FOUND', 'synonym group');
	await db.transaction(async (tx) => {
		const [gone] = await tx
			.delete(searchSynonyms)
			.where(and(eq(searchSynonyms.id, opts.groupId), eq(searchSynonyms.organizerId, opts.organizerId)))
			.returning({ words: searchSynonyms.words });
		if (!gone) throw new AppError('NOT_FOUND', 'synonym group');
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'kb_synonyms.remove',
			entityType: 'search_synonyms',
			entityId: opts.groupId,
			changes: { words: gone.words }
		});
	});
}
