import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentConclusions } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../policies';
import { getConclusionForChange } from './get-conclusion-for-change';

/**
 * Removes a conclusion. The same people who may write it may remove it. The audit event keeps
 * what was removed (round, unit, scope and text) as its before values.
 */
export async function deleteConclusion(db: Db, opts: { actor: Actor; organizerId: string; roundId: string; conclusionId: string }) {
	await getConclusionForChange(db, opts);
	await db.transaction(async (tx) => {
		const { row } = await getConclusionForChange(tx, { ...opts, lock: true });
		await tx.delete(assessmentConclusions).where(eq(assessmentConclusions.id, row.id));
		await recordAudit(tx, {
			organizerId: opts.organizerId,
			actorId: opts.actor.personId,
			action: 'conclusion.delete',
			entityType: 'assessment_conclusion',
			entityId: row.id,
			changes: {
				roundId: [row.roundId, null],
				unitId: [row.unitId, null],
				subGoalId: [row.subGoalId, null],
				itemKey: [row.itemKey, null],
				summary: [row.summary, null]
			}
		});
	});
}
