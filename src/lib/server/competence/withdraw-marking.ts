import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { competenceMarkings } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { AppError } from '../errors';
import { isUuid } from '../ids';
import { authorize, type Actor } from '../policies';

/**
 * Withdraws one's own marking: the row stays (withdrawnAt set) and no longer counts in coverage. Someone else's
 * marking, or one already withdrawn, is NOT_FOUND.
 */
export async function withdrawMarking(db: Db, o: { actor: Actor | null; organizerId: string; markingId: string }): Promise<void> {
	authorize(o.actor, 'competence.mark', { type: 'organizer', organizerId: o.organizerId });
	const actor = o.actor;
	if (!isUuid(o.markingId)) throw new AppError('NOT_FOUND', 'no such marking');
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(competenceMarkings)
			.set({ withdrawnAt: new Date() })
			.where(
				and(
					eq(competenceMarkings.id, o.markingId),
					eq(competenceMarkings.organizerId, o.organizerId),
					eq(competenceMarkings.markedBy, actor.personId),
					isNull(competenceMarkings.withdrawnAt)
				)
			)
			.returning();
		if (!row) throw new AppError('NOT_FOUND', 'no such marking');
		await recordAudit(tx, {
			organizerId: o.organizerId,
			actorId: actor.personId,
			action: 'competence.marking.withdraw',
			entityType: 'competence_marking',
			entityId: row.id,
			changes: { withdrawnAt: [null, row.withdrawnAt?.toISOString()] }
		});
	});
}
