import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentLinks } from '../../db/schema';
import { authorize, type Actor } from '../../policies';
import { recordAudit } from '../../audit/record-audit';
import { newToken } from '../../auth/tokens';
import { lockRound } from '../rounds/round-checks';
import { roundForLink, type LinkScope } from './link-scope';
import { DEFAULT_LINK_CAPACITY, parseLinkCapacity } from './link-room';

/**
 * Creates the anonymous link for one unit × perspective of a round that is not closed, with
 * a random token and the capacity the administrator states (how many may answer through it; INVALID
 * unless 1…1000). When the link exists already it is returned unchanged (no second token).
 */
export async function createLink(
	db: Db,
	{ actor, capacity: typed, ...scope }: LinkScope & { actor: Actor | null; capacity?: string | number }
) {
	authorize(actor, 'assessment.manage', { type: 'organizer', organizerId: scope.organizerId });
	const capacity = parseLinkCapacity(typed ?? String(DEFAULT_LINK_CAPACITY));
	return db.transaction(async (tx) => {
		const round = await roundForLink(tx, scope);
		await lockRound(tx, scope.organizerId, round.id);
		const unitId = scope.unitId.toLowerCase();
		const where = and(
			eq(assessmentLinks.roundId, round.id),
			eq(assessmentLinks.unitId, unitId),
			eq(assessmentLinks.perspective, scope.perspective)
		);
		const [existing] = await tx.select().from(assessmentLinks).where(where);
		if (existing) return existing;
		const [row] = await tx
			.insert(assessmentLinks)
			.values({ organizerId: scope.organizerId, roundId: round.id, unitId, perspective: scope.perspective, token: newToken(), capacity })
			.returning();
		// The token is a secret that opens answering: the audit log names the link, never the token.
		await recordAudit(tx, {
			organizerId: scope.organizerId,
			actorId: actor.personId,
			action: 'assessment_link.create',
			entityType: 'assessment_link',
			entityId: row.id,
			changes: { roundId: [null, round.id], unitId: [null, unitId], perspective: [null, scope.perspective], capacity: [null, capacity] }
		});
		return row;
	});
}
