import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentAnswers } from '../../db/schema';
import { getRoundItems, type RoundSubGoal } from '../rounds/round-items';
import { storedValue } from './answer-input';
import { resolveRespondent, type AnswerContext, type Respondent } from './respondent';

export type GetResponseProgressOptions = { respondent: Respondent };

export type ResponseProgress = {
	context: AnswerContext;
	/** The sub-goals this perspective answers, each with how many of its items are answered. */
	subGoals: (RoundSubGoal & { answered: number })[];
	/** The respondent's answers by item key, as form values. */
	answers: Record<string, { value: string; comment: string }>;
	answered: number;
	total: number;
};

/**
 * The respondent's own answers and how far they have come, per sub-goal and in all.
 * Only ever the respondent's own response; nothing about anyone else's.
 */
export async function getResponseProgress(db: Db, { respondent }: GetResponseProgressOptions): Promise<ResponseProgress> {
	const context = await resolveRespondent(db, respondent);
	const { subGoals } = await getRoundItems(db, context.round, context.perspective);
	const rows = context.response
		? await db
				.select()
				.from(assessmentAnswers)
				.where(and(eq(assessmentAnswers.responseId, context.response.id), eq(assessmentAnswers.organizerId, context.organizerId)))
		: [];
	const answers: ResponseProgress['answers'] = {};
	for (const r of rows) answers[r.itemKey] = { value: storedValue(r), comment: r.comment ?? '' };
	const withCounts = subGoals.map((sg) => ({ ...sg, answered: sg.items.filter((i) => answers[i.key]).length }));
	return {
		context,
		subGoals: withCounts,
		answers,
		answered: withCounts.reduce((n, sg) => n + sg.answered, 0),
		total: withCounts.reduce((n, sg) => n + sg.items.length, 0)
	};
}
