import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import { addResponseToItemStats } from '../reports/item-stats';
import { requireLinkRoom } from '../links/link-room';
import { lockOpenResponse, requireOpen, resolveRespondent, type Respondent } from './respondent';

export type SubmitResponseOptions = { respondent: Respondent };

/**
 * Hands in the respondent's response: sets submitted_at, after which it is read-only.
 * Unanswered items are allowed (they count toward no group: thresholds go by answers per item).
 * Refused with CONFLICT when already submitted, the round is not open or a link is full. Adds the answers to the organizer report's running sums in the same transaction.
 * The audit event names the round, unit and perspective — the signed-in person
 * as actor, nobody for a link — and never the response or any answer.
 */
export async function submitResponse(db: Db, { respondent }: SubmitResponseOptions): Promise<{ submittedAt: Date }> {
	return db.transaction(async (tx) => {
		const ctx = await resolveRespondent(tx, respondent);
		requireOpen(ctx);
		// A full link takes no more submissions: nobody can pad the group past the size the administrator stated.
		if (ctx.linkId !== null) await requireLinkRoom(tx, ctx.linkId);
		const response = await lockOpenResponse(tx, ctx);
		const submittedAt = new Date();
		await tx.update(assessmentResponses).set({ submittedAt, updatedAt: submittedAt }).where(eq(assessmentResponses.id, response.id));
		await addResponseToItemStats(tx, response.id);
		await recordAudit(tx, {
			organizerId: ctx.organizerId,
			actorId: ctx.auditActorId,
			action: 'assessment.submit',
			entityType: 'assessment_round',
			entityId: ctx.round.id,
			changes: { unitId: ctx.unit.id, perspective: ctx.perspective, anonymous: ctx.linkId !== null }
		});
		return { submittedAt };
	});
}
