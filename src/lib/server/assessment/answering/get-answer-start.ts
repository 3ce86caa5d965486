import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentResponses } from '../../db/schema';
import type { Actor } from '../../policies';
import { getRound } from '../rounds/get-round';
import { roundStatus } from '../rounds/round-status';
import { allowedPerspectives } from './respondent';

export type GetAnswerStartOptions = { actor: Actor | null; organizerId: string; roundId: string; unitId: string };

/**
 * What a signed-in respondent needs before answering a unit in a round: the round and its status,
 * the perspectives they may answer from, and how far their own response per perspective has come.
 * NOT_FOUND for another organizer's round or a unit outside it; FORBIDDEN without a perspective.
 */
export async function getAnswerStart(db: Db, { actor, organizerId, roundId, unitId }: GetAnswerStartOptions) {
	const round = await getRound(db, { organizerId, roundId });
	const { unit, perspectives } = await allowedPerspectives(db, actor, round, unitId);
	const mine = await db
		.select({ perspective: assessmentResponses.perspective, submittedAt: assessmentResponses.submittedAt })
		.from(assessmentResponses)
		.where(
			and(
				eq(assessmentResponses.organizerId, organizerId),
				eq(assessmentResponses.roundId, round.id),
				eq(assessmentResponses.unitId, unit.id),
				eq(assessmentResponses.personId, actor!.personId)
			)
		);
	return {
		round,
		status: roundStatus(round),
		unit,
		perspectives: perspectives.map((p) => {
			const r = mine.find((x) => x.perspective === p);
			return { perspective: p, started: !!r, submittedAt: r?.submittedAt ?? null };
		})
	};
}
