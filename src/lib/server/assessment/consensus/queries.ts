import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentAnswers, assessmentConsensus, assessmentResponses } from '../../db/schema';

type Scope = { organizerId: string; roundId: string; unitId: string };

const submittedIn = (s: Scope) =>
	and(
		eq(assessmentResponses.organizerId, s.organizerId),
		eq(assessmentResponses.roundId, s.roundId),
		eq(assessmentResponses.unitId, s.unitId),
		isNotNull(assessmentResponses.submittedAt)
	);

/** The answers of submitted responses, without anything that links them to a respondent. */
export async function submittedAnswers(db: Db, s: Scope, itemKeys?: string[]) {
	if (itemKeys && itemKeys.length === 0) return [];
	return db
		.select({
			perspective: assessmentResponses.perspective,
			itemKey: assessmentAnswers.itemKey,
			level: assessmentAnswers.level,
			special: assessmentAnswers.special,
			comment: assessmentAnswers.comment
		})
		.from(assessmentAnswers)
		.innerJoin(assessmentResponses, eq(assessmentAnswers.responseId, assessmentResponses.id))
		.where(
			and(
				submittedIn(s),
				eq(assessmentAnswers.organizerId, s.organizerId),
				itemKeys ? inArray(assessmentAnswers.itemKey, itemKeys) : undefined
			)
		);
}

/** The unit's agreed levels in a round. */
export async function consensusRows(db: Db, s: Scope) {
	return db
		.select()
		.from(assessmentConsensus)
		.where(
			and(
				eq(assessmentConsensus.organizerId, s.organizerId),
				eq(assessmentConsensus.roundId, s.roundId),
				eq(assessmentConsensus.unitId, s.unitId)
			)
		);
}
