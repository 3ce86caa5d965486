import { and, eq, inArray, lt, gte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { surveyAnswers, surveyResponses } from '../../db/schema';
import type { ResultResponse } from './build-survey-results';

/** The responses of surveys with their answers, optionally limited to periods from (inclusive) … before (exclusive). */
export async function fetchResponses(
	db: Db,
	opts: { organizerId: string; surveyIds: string[]; fromPeriod?: string; beforePeriod?: string }
): Promise<(ResultResponse & { surveyId: string })[]> {
	if (opts.surveyIds.length === 0) return [];
	const where: SQL[] = [eq(surveyResponses.organizerId, opts.organizerId), inArray(surveyResponses.surveyId, opts.surveyIds)];
	if (opts.fromPeriod) where.push(gte(surveyResponses.period, opts.fromPeriod));
	if (opts.beforePeriod) where.push(lt(surveyResponses.period, opts.beforePeriod));
	const rows = await db
		.select({
			id: surveyResponses.id,
			surveyId: surveyResponses.surveyId,
			unitId: surveyResponses.unitId,
			period: surveyResponses.period,
			questionKey: surveyAnswers.questionKey,
			value: surveyAnswers.value,
			choice: surveyAnswers.choice,
			text: surveyAnswers.text
		})
		.from(surveyResponses)
		.leftJoin(surveyAnswers, eq(surveyAnswers.responseId, surveyResponses.id))
		.where(and(...where));
	const byId = new Map<string, ResultResponse & { surveyId: string }>();
	for (const r of rows) {
		let resp = byId.get(r.id);
		if (!resp) byId.set(r.id, (resp = { surveyId: r.surveyId, unitId: r.unitId, period: r.period, answers: [] }));
		if (r.questionKey) resp.answers.push({ questionKey: r.questionKey, value: r.value, choice: r.choice, text: r.text });
	}
	return [...byId.values()];
}
