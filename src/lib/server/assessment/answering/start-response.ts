import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import { hashToken, newToken } from '../../auth/tokens';
import { requireOpen, resolveRespondent, type Respondent, type ResponseRow } from './respondent';

export type StartResponseOptions = { respondent: Respondent };

/**
 * Gets the respondent's response, creating it on the first start. A signed-in person has one
 * response per unit and perspective; a link browser without a valid resume token gets a new
 * response and a new resume token (only its hash is stored) to keep in a cookie.
 * Refused with CONFLICT unless the round is open.
 */
export async function startResponse(db: Db, { respondent }: StartResponseOptions): Promise<{ response: ResponseRow; resumeToken: string | null }> {
	return db.transaction(async (tx) => {
		const ctx = await resolveRespondent(tx, respondent);
		requireOpen(ctx);
		if (ctx.response) return { response: ctx.response, resumeToken: null };
		const base = { organizerId: ctx.organizerId, roundId: ctx.round.id, unitId: ctx.unit.id, perspective: ctx.perspective };
		if (ctx.linkId === null) {
			const personId = ctx.auditActorId!;
			// Two tabs starting at once both end up with the same response.
			await tx.insert(assessmentResponses).values({ ...base, personId }).onConflictDoNothing();
			const [row] = await tx
				.select()
				.from(assessmentResponses)
				.where(
					and(
						eq(assessmentResponses.organizerId, base.organizerId),
						eq(assessmentResponses.roundId, base.roundId),
						eq(assessmentResponses.unitId, base.unitId),
						eq(assessmentResponses.perspective, base.perspective),
						eq(assessmentResponses.personId, personId)
					)
				);
			return { response: row, resumeToken: null };
		}
		const resumeToken = newToken();
		const [row] = await tx
			.insert(assessmentResponses)
			.values({ ...base, linkId: ctx.linkId, resumeTokenHash: hashToken(resumeToken) })
			.returning();
		return { response: row, resumeToken };
	});
}
