import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { comparisonKeyFigures, comparisonMappings } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { invalid, parseOrThrow } from '../../errors';
import { isUuid } from '../../ids';
import { authorize, type Actor } from '../../policies';
import { ownFigure } from './comparison-figures';
import { comparisonMappingInput } from './comparison-mapping-input';

/**
 * Says that an imported key figure measures the same thing as one of the organizer's own figures (followup.configure),
 * so the follow-up shows its values beside that figure. Refused beside the field: an unknown own figure, a key figure
 * that is not the organizer's, or one whose unit of measure is not the own figure's (a share is not a count). Mapping
 * a pair again changes nothing. Audited as comparison.mapping_add.
 */
export async function addComparisonMapping(db: Db, opts: { actor: Actor; organizerId: string; values: Record<string, unknown> }) {
	const { actor, organizerId } = opts;
	authorize(actor, 'followup.configure', { type: 'organizer', organizerId });
	const input = parseOrThrow(comparisonMappingInput, opts.values);
	const own = ownFigure(input.figureKey);
	if (!own) throw invalid('figureKey', 'cmp_mapping_error_figure');
	if (!isUuid(input.keyFigureId)) throw invalid('keyFigureId', 'cmp_mapping_error_key_figure');
	return db.transaction(async (tx) => {
		const [figure] = await tx
			.select()
			.from(comparisonKeyFigures)
			.where(and(eq(comparisonKeyFigures.id, input.keyFigureId), eq(comparisonKeyFigures.organizerId, organizerId)));
		if (!figure) throw invalid('keyFigureId', 'cmp_mapping_error_key_figure');
		if (own.measure && own.measure !== figure.measure) throw invalid('keyFigureId', 'cmp_mapping_error_measure');
		const added = await tx
			.insert(comparisonMappings)
			.values({ organizerId, figureKey: own.key, keyFigureId: figure.id, createdBy: actor.personId })
			.onConflictDoNothing()
			.returning({ figureKey: comparisonMappings.figureKey });
		if (added.length)
			await recordAudit(tx, {
				organizerId,
				actorId: actor.personId,
				action: 'comparison.mapping_add',
				entityType: 'comparison_key_figure',
				entityId: figure.id,
				changes: { figureKey: own.key, source: figure.source, code: figure.code }
			});
		return { added: added.length > 0 };
	});
}
