import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { assessmentAnswers, assessmentResponses } from '../../db/schema';
import { AppError, type FieldIssue } from '../../errors';
import { getRoundItems } from '../rounds/round-items';
import { ANSWER_VALUES, MAX_COMMENT, answerField, commentField, type AnswerInput } from './answer-input';
import { lockOpenResponse, requireOpen, resolveRespondent, type Respondent } from './respondent';

export type SaveAnswersOptions = { respondent: Respondent; answers: AnswerInput[] };

/** The problems with a batch of answers, each naming the item's field. */
function answerIssues(answers: AnswerInput[], itemKeys: Set<string>): FieldIssue[] {
	const issues: FieldIssue[] = [];
	const seen = new Set<string>();
	for (const a of answers) {
		const field = answerField(a.itemKey);
		if (!itemKeys.has(a.itemKey) || seen.has(a.itemKey)) {
			issues.push({ field, message: 'answer_error_unknown_item' });
			continue;
		}
		seen.add(a.itemKey);
		if (a.value !== '' && !ANSWER_VALUES.includes(a.value)) issues.push({ field, message: 'answer_error_value' });
		else if (a.value === '' && a.comment.trim() !== '') issues.push({ field, message: 'answer_error_comment_needs_answer' });
		if (normalize(a.comment).length > MAX_COMMENT)
			issues.push({ field: commentField(a.itemKey), message: 'answer_error_comment_too_long' });
	}
	return issues;
}

const normalize = (comment: string) => comment.replace(/\r\n?/g, '\n').trim();

/**
 * Saves some of the respondent's answers (one page). Every key must be an item the round asks
 * this perspective, every value a level 1–4, dont_know or not_applicable (or empty: not answered),
 * every comment at most 2000 characters; otherwise INVALID with an issue per item and nothing is
 * written. Refused once the response is submitted or the round is not open. Answers are not
 * audited: the log must never hold what someone answered.
 */
export async function saveAnswers(db: Db, { respondent, answers }: SaveAnswersOptions): Promise<{ saved: number }> {
	return db.transaction(async (tx) => {
		const ctx = await resolveRespondent(tx, respondent);
		requireOpen(ctx);
		const response = await lockOpenResponse(tx, ctx);
		const { items } = await getRoundItems(tx, ctx.round, ctx.perspective);
		const issues = answerIssues(answers, new Set(items.map((i) => i.key)));
		if (issues.length) throw new AppError('INVALID', 'invalid answers', issues);

		const given = answers.filter((a) => a.value !== '');
		const blank = answers.filter((a) => a.value === '').map((a) => a.itemKey);
		if (given.length) {
			await tx
				.insert(assessmentAnswers)
				.values(
					given.map((a) => ({
						responseId: response.id,
						organizerId: ctx.organizerId,
						itemKey: a.itemKey,
						level: /^\d$/.test(a.value) ? Number(a.value) : null,
						special: /^\d$/.test(a.value) ? null : a.value,
						comment: normalize(a.comment) || null
					}))
				)
				.onConflictDoUpdate({
					target: [assessmentAnswers.responseId, assessmentAnswers.itemKey],
					set: { level: sql`excluded.level`, special: sql`excluded.special`, comment: sql`excluded.comment`, updatedAt: sql`now()` }
				});
		}
		if (blank.length) {
			await tx
				.delete(assessmentAnswers)
				.where(
					and(
						eq(assessmentAnswers.responseId, response.id),
						eq(assessmentAnswers.organizerId, ctx.organizerId),
						inArray(assessmentAnswers.itemKey, blank)
					)
				);
		}
		await tx.update(assessmentResponses).set({ updatedAt: new Date() }).where(eq(assessmentResponses.id, response.id));
		return { saved: given.length };
	});
}
