import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentRounds } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { recordAudit } from '../../audit/record-audit';
import { AppError } from '../../errors';
import { getRound } from './get-round';
import { lockRound, requireNotClosed } from './round-checks';
import { roundStatus } from './round-status';
import { storeRoundFigures } from '../reports/round-figures/store-round-figures';

export type CloseRoundOptions = { actor: Actor | null; organizerId: string; roundId: string };

/**
 * Closes an open round now, before its close date. A closed round: CONFLICT
 * (rounds_error_closed). A round that has not opened yet cannot be closed
 * (rounds_error_not_open_yet): change its dates instead.
 */
export async function closeRound(db: Db, { actor, organizerId, roundId }: CloseRoundOptions) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId });
	return db.transaction(async (tx) => {
		const round = await getRound(tx, { organizerId, roundId });
		await lockRound(tx, organizerId, round.id);
		requireNotClosed(round);
		if (roundStatus(round) === 'upcoming') throw new AppError('CONFLICT', 'rounds_error_not_open_yet');
		const closedAt = new Date();
		await tx
			.update(assessmentRounds)
			.set({ closedAt })
			.where(and(eq(assessmentRounds.id, round.id), eq(assessmentRounds.organizerId, organizerId)));
		await recordAudit(tx, {
			organizerId,
			actorId: actor.personId,
			action: 'assessment_round.close',
			entityType: 'assessment_round',
			entityId: round.id,
			changes: { closedAt: [null, closedAt.toISOString()] }
		});
		// Its figures no longer move: stored now for the follow-up (decision 074), in this transaction.
		await storeRoundFigures(tx, { organizerId, roundId: round.id });
		return { ...round, closedAt };
	});
}
