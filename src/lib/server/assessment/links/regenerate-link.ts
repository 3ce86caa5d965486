import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { recordAudit } from '../../audit/record-audit';
import { newToken } from '../../auth/tokens';
import { AppError } from '../../errors';
import { lockRound } from '../rounds/round-checks';
import { roundForLink, type LinkScope } from './link-scope';
import { parseLinkCapacity } from './link-room';

/**
 * Gives the anonymous link of one unit × perspective a new random token, so the old address
 * stops working (a link that spread too far). Answers already given through it stay.
 * A capacity given with it replaces the old one (INVALID unless 1…1000); without, the old one stays.
 * NOT_FOUND when the link does not exist; CONFLICT for a closed round.
 */
export async function regenerateLink(
	db: Db,
	{ actor, capacity: typed, ...scope }: LinkScope & { actor: Actor | null; capacity?: string | number }
) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId: scope.organizerId });
	const capacity = typed === undefined ? undefined : parseLinkCapacity(typed);
	return db.transaction(async (tx) => {
		const round = await roundForLink(tx, scope);
		await lockRound(tx, scope.organizerId, round.id);
		const unitId = scope.unitId.toLowerCase();
		const [before] = await tx
			.select({ capacity: assessmentLinks.capacity })
			.from(assessmentLinks)
			.where(
				and(
					eq(assessmentLinks.organizerId, scope.organizerId),
					eq(assessmentLinks.roundId, round.id),
					eq(assessmentLinks.unitId, unitId),
					eq(assessmentLinks.perspective, scope.perspective)
				)
			);
		const [row] = await tx
			.update(assessmentLinks)
			.set({ token: newToken(), createdAt: new Date(), ...(capacity === undefined ? {} : { capacity }) })
			.where(
				and(
					eq(assessmentLinks.organizerId, scope.organizerId),
					eq(assessmentLinks.roundId, round.id),
					eq(assessmentLinks.unitId, unitId),
					eq(assessmentLinks.perspective, scope.perspective)
				)
			)
			.returning();
		if (!row) throw new AppError('NOT_FOUND', 'link');
		await recordAudit(tx, {
			organizerId: scope.organizerId,
			actorId: actor.personId,
			action: 'assessment_link.regenerate',
			entityType: 'assessment_link',
			entityId: row.id,
			changes: {
				roundId: [round.id, round.id],
				unitId: [unitId, unitId],
				perspective: [scope.perspective, scope.perspective],
				capacity: [before?.capacity ?? null, row.capacity]
			}
		});
		return row;
	});
}
