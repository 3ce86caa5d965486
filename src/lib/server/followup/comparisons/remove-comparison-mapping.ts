import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { comparisonKeyFigures, comparisonMappings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';

/**
 * Removes the link between an own figure and a key figure (followup.configure); the values stay. NOT_FOUND when the
 * organizer has no such link. Audited as comparison.mapping_remove.
 */
export async function removeComparisonMapping(db: Db, opts: { actor: Actor; organizerId: string; figureKey: string; keyFigureId: string }) {
	const { actor, organizerId, figureKey, keyFigureId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	if (!isUuid(keyFigureId)) throw new AppError('NOT_FOUND', 'no such mapping');
	return db.transaction(async (tx) => {
		const removed = await tx
			.delete(comparisonMappings)
			.where(
				and(
					eq(comparisonMappings.organizerId, organizerId),
					eq(comparisonMappings.figureKey, figureKey),
					eq(comparisonMappings.keyFigureId, keyFigureId)
				)
			)
			.returning({ keyFigureId: comparisonMappings.keyFigureId });
		if (!removed.length) throw new AppError('NOT_FOUND', 'no such mapping');
		const [figure] = await tx
			.select({ source: comparisonKeyFigures.source, code: comparisonKeyFigures.code })
			.from(comparisonKeyFigures)
			.where(eq(comparisonKeyFigures.id, keyFigureId));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'comparison.mapping_remove',
			entityType: 'comparison_key_figure',
			entityId: keyFigureId,
			changes: { figureKey, source: figure?.source ?? null, code: figure?.code ?? null }
		});
	});
}
