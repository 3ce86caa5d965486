import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import { hashToken, newToken } from '../../auth/tokens';
import { hitRateLimit } from '../../auth/rate-limit';
import { AppError } from '../../errors';
import { LINK_START_WINDOW_SECONDS, LINK_STARTS_PER_ADDRESS, requireLinkRoom } from '../links/link-room';
import { requireOpen, resolveRespondent, type Respondent, type ResponseRow } from './respondent';

export type StartResponseOptions = {
	respondent: Respondent;
	/** The client's address, for the per-address limit on starting through a link. */
	address?: string;
};

/**
 * Gets the respondent's response, creating it on the first start. A signed-in person has one
 * response per unit and perspective; a link browser without a valid resume token gets a new
 * response and a new resume token (only its hash is stored) to keep in a cookie.
 * Refused with CONFLICT unless the round is open or when a link is full, and with RATE_LIMITED when
 * one address starts more than LINK_STARTS_PER_ADDRESS responses through a link in a window.
 */
export async function startResponse(
	db: Db,
	{ respondent, address }: StartResponseOptions
): Promise<{ response: ResponseRow; resumeToken: string | null }> {
	if (respondent.kind === 'link') {
		// Counted outside the transaction below, so a refused start still counts. Keyed on the token's hash:
		// the rate-limit table is no place for a secret that opens answering.
		const key = `assessment-link-start:${hashToken(respondent.token)}:${address ?? 'unknown'}`;
		const { limited } = await hitRateLimit(db, key, LINK_STARTS_PER_ADDRESS, LINK_START_WINDOW_SECONDS);
		if (limited) throw new AppError('RATE_LIMITED', 'anonymity_error_too_many_starts');
	}
	return db.transaction(async (tx) => {
		const ctx = await resolveRespondent(tx, respondent);
		requireOpen(ctx);
		if (ctx.response) return { response: ctx.response, resumeToken: null };
		const base = { organizerId: ctx.organizerId, roundId: ctx.round.id, unitId: ctx.unit.id, perspective: ctx.perspective };
		if (ctx.linkId === null) {
			const personId = ctx.auditActorId!;
			// Two tabs starting at once both end up with the same response.
			await tx
				.insert(assessmentResponses)
				.values({ ...base, personId })
				.onConflictDoNothing();
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
		await requireLinkRoom(tx, ctx.linkId);
		const resumeToken = newToken();
		const [row] = await tx
			.insert(assessmentResponses)
			.values({ ...base, linkId: ctx.linkId, resumeTokenHash: hashToken(resumeToken) })
			.returning();
		return { response: row, resumeToken };
	});
}
